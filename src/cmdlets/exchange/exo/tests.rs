use super::mailbox::{GetExoMailbox, GetExoRecipient};
use super::permission::{GetExoMailboxPermission, GetExoRecipientPermission};
use super::statistics::{GetExoMailboxFolderStatistics, GetExoMailboxStatistics};
use crate::cmdlet::CmdletError;
use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
use crate::directory::ExchangeVersion;
use crate::value::Value;

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().names().iter().map(|n| n.to_string()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn minimum_set_and_what_is_added() {
    let mut c = MockContext::new(ExchangeVersion::Online);
    assert!(run(&GetExoMailbox, &mut c, &[("Identity", s("karen"))]).is_ok());
    let karen = &c.out[0];
    assert_eq!(names(karen).len(), 15);
    assert_eq!(names(karen)[0], "ExternalDirectoryObjectId");
    assert!(karen.property("ProhibitSendQuota").is_none());
    // References and enums arrive as strings.
    assert!(matches!(karen.property("Identity"), Some(Value::Str(_))));
    assert_eq!(prop(karen, "RecipientTypeDetails"), "UserMailbox");
    c.clear();
    let args =
        [("Identity", s("karen")), ("PropertySets", list(&["Quota"])), ("Properties", list(&["alias", "Office"]))];
    assert!(run(&GetExoMailbox, &mut c, &args).is_ok());
    let n = names(&c.out[0]);
    assert!(n.contains(&"ProhibitSendQuota".to_string()) && n.contains(&"Office".to_string()));
    assert_eq!(n.iter().filter(|x| x.eq_ignore_ascii_case("Alias")).count(), 1);
    c.clear();
    assert!(run(&GetExoMailbox, &mut c, &[("Identity", s("karen")), ("PropertySets", list(&["All"]))]).is_ok());
    assert!(names(&c.out[0]).len() > 60);
}

#[test]
fn targets_and_errors() {
    let mut c = MockContext::new(ExchangeVersion::Online);
    let guid = c.dir.recipients[3].guid.clone();
    assert!(run(&GetExoMailbox, &mut c, &[("ExternalDirectoryObjectId", Value::str(&guid))]).is_ok());
    assert_eq!(prop(&c.out[0], "Name"), "Amy Alberts");
    c.clear();
    // The most exact parameter wins when a piped object binds several.
    let args = [("Identity", s("karen")), ("UserPrincipalName", s("john@contoso.com"))];
    assert!(run(&GetExoMailbox, &mut c, &args).is_ok());
    assert_eq!(prop(&c.out[0], "Name"), "John Evans");
    let err = run(&GetExoMailbox, &mut c, &[("Identity", s("ghost"))]).err();
    let Some(CmdletError::Record(r)) = err else { panic!("a record") };
    assert!(
        r.message.starts_with("An error occurred while processing this request.. {\"error\":{\"code\":\"NotFound\"")
    );
    assert!(r.message.contains("Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|"));
    assert_eq!(r.category, "ProtocolError");
    assert_eq!(r.exception_type, "Microsoft.Exchange.Management.RestApiClient.RestClientException");
    let err = run(&GetExoMailbox, &mut c, &[("Properties", list(&["Nope", "Alias", "Nada"]))]).err();
    assert_eq!(
        err.map(|e| message(&e)).unwrap_or_default(),
        "Some of requested properties are not valid. InvalidProperties = Nope,Nada"
    );
}

#[test]
fn permissions_and_statistics() {
    let mut c = MockContext::new(ExchangeVersion::Online);
    assert!(run(&GetExoMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
    assert_eq!(
        names(&c.out[0]),
        ["Identity", "User", "UserSid", "AccessRights", "IsInherited", "Deny", "InheritanceType"]
    );
    assert_eq!(prop(&c.out[0], "UserSid"), "S-1-5-10");
    c.clear();
    assert!(run(&GetExoMailboxPermission, &mut c, &[]).is_ok());
    assert_eq!(c.out.len(), 10);
    c.clear();
    assert!(run(&GetExoRecipientPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
    assert_eq!(prop(&c.out[0], "Trustee"), "NT AUTHORITY\\SELF");
    assert!(!names(&c.out[0]).contains(&"IsValid".to_string()));
    c.clear();
    assert!(run(&GetExoMailboxStatistics, &mut c, &[("Identity", s("karen"))]).is_ok());
    assert_eq!(names(&c.out[0]).len(), 6);
    c.clear();
    assert!(
        run(&GetExoMailboxFolderStatistics, &mut c, &[("Identity", s("karen")), ("Folderscope", s("Inbox"))]).is_ok()
    );
    let paths: Vec<String> = c.out.iter().map(|v| prop(v, "FolderPath")).collect();
    assert_eq!(paths, ["/Inbox", "/Inbox/Projects"]);
    c.clear();
    assert!(run(&GetExoRecipient, &mut c, &[("RecipientType", s("MailContact"))]).is_ok());
    assert_eq!(c.out.len(), 1);
}

#[test]
fn result_size_default_and_explicit() {
    let mut args = crate::cmdlet::BoundArgs::default();
    let (kept, warning) = super::limit(&args, (0..1001).collect::<Vec<i32>>());
    assert_eq!(kept.len(), 1000);
    assert!(warning.is_some_and(|w| w.starts_with("By default, only the first 1000 items are returned.")));
    let (kept, warning) = super::limit(&args, (0..1000).collect::<Vec<i32>>());
    assert_eq!((kept.len(), warning), (1000, None));
    args.insert("ResultSize", Value::Int(5));
    let (kept, warning) = super::limit(&args, (0..6).collect::<Vec<i32>>());
    assert_eq!(kept.len(), 5);
    assert!(warning.is_some_and(|w| w.starts_with("There are more results available")));
    args.insert("ResultSize", Value::str("Unlimited"));
    assert_eq!(super::limit(&args, (0..2000).collect::<Vec<i32>>()).0.len(), 2000);
}
