//! Tab completion of exsh's own explain cmdlets comes from their signatures, as for every cmdlet:
//! names, parameters, and identities of the org for -Identity (mailboxes) and -User (principals).

use exsh::directory::{Directory, ExchangeVersion};
use exsh::repl::complete::{Catalog, complete};

fn catalog() -> Catalog {
    let registry = exsh::cmdlets::registry();
    let sigs: Vec<_> = registry.entries().map(|e| e.signature.clone()).collect();
    let mut c = Catalog::from_signatures(sigs, registry.aliases(), ExchangeVersion::Exchange2019);
    c.set_directory(&Directory::sample(ExchangeVersion::Exchange2019));
    c
}

fn at_end(text: &str) -> Vec<String> {
    complete(&catalog(), text, text.len()).candidates
}

#[test]
fn explain_cmdlets_complete_like_every_cmdlet() {
    assert_eq!(at_end("Test-MailboxA"), vec!["Test-MailboxAccess"]);
    assert_eq!(at_end("Get-MailboxAcc"), vec!["Get-MailboxAccess"]);
    assert_eq!(at_end("Test-MailboxAccess karen -Us"), vec!["-User"]);
    assert!(at_end("Test-MailboxAccess kar").contains(&"karen".to_string()), "{:?}", at_end("Test-MailboxAccess kar"));
    assert!(at_end("Test-MailboxAccess karen -User mich").contains(&"michelle".to_string()));
    assert!(at_end("Get-MailboxAccess -User helpdeska").contains(&"helpdeskagents".to_string()));
}
