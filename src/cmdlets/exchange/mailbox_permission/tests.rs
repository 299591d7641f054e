use super::*;
use crate::cmdlets::testing::{MockContext, message, prop, run, s};
use crate::directory::{ExchangeVersion, RecipientScope};

fn cx() -> MockContext {
    MockContext::new(ExchangeVersion::Exchange2019)
}

const KAREN_DN: &str = "CN=Karen Berg,CN=Users,DC=contoso,DC=com";

#[test]
fn get_lists_self_then_inherited_rows() {
    let mut c = cx();
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
    assert_eq!(c.out.len(), 14);
    let first = &c.out[0];
    assert_eq!(first.type_name(), format!("Deserialized.{MAILBOX_ACE_TYPE}"));
    assert_eq!(prop(first, "User"), "NT AUTHORITY\\SELF");
    assert_eq!(prop(first, "AccessRights"), "FullAccess, ReadPermission");
    assert_eq!(prop(first, "IsInherited"), "False");
    assert_eq!(prop(first, "Deny"), "False");
    assert_eq!(prop(first, "InheritanceType"), "All");
    assert_eq!(prop(first, "Identity"), "contoso.com/Users/Karen Berg");
    assert_eq!(prop(&c.out[1], "User"), "CONTOSO\\Administrator");
    assert_eq!(prop(&c.out[1], "Deny"), "True");
    // AccessRights is an array of ONE flags value: -eq 'FullAccess' is false for SELF.
    let rights = first.property("AccessRights").map(|v| v.enumerate()).unwrap_or_default();
    assert_eq!(rights.len(), 1);
    assert!(!crate::value::convert::equals(&rights[0], &Value::str("FullAccess"), false));
    assert!(crate::value::convert::wildcard_match("*FullAccess*", &to_string(&rights[0]), false));
}

#[test]
fn get_online_has_only_self_and_names() {
    let mut c = MockContext::new(ExchangeVersion::Online);
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
    assert_eq!(c.out.len(), 1);
    assert_eq!(prop(&c.out[0], "Identity"), "Karen Berg");
    assert_eq!(prop(&c.out[0], "UserSid"), "S-1-5-10");
    let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    assert_eq!(prop(&c.out[1], "User"), "michelle@contoso.com");
}

#[test]
fn get_user_filter_and_owner() {
    let mut c = cx();
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("michelle"))]).is_ok());
    assert!(c.out.is_empty() && c.errors.is_empty());
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("NT AUTHORITY\\SELF"))]).is_ok());
    assert_eq!(c.out.len(), 1);
    c.clear();
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("Owner", Value::Switch(true))]).is_ok());
    assert_eq!(prop(&c.out[0], "Owner"), "NT AUTHORITY\\SELF");
}

#[test]
fn add_full_access_writes_row_and_automaps() {
    let mut c = cx();
    let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    assert_eq!(c.out.len(), 1);
    assert_eq!(prop(&c.out[0], "User"), "CONTOSO\\michelle");
    assert_eq!(prop(&c.out[0], "AccessRights"), "FullAccess");
    assert_eq!(prop(&c.out[0], "IsInherited"), "False");
    assert!(c.warnings.is_empty());
    assert_eq!(
        c.actions,
        ["Adding Mailbox Permission on 'karen' for User 'michelle' with AccessRights ''FullAccess''."]
    );
    let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
    let michelle =
        c.dir.recipients[c.dir.resolve_recipient("michelle", RecipientScope::Mailbox).unwrap_or(0)].guid.clone();
    assert_eq!(c.dir.recipients[karen].delegate_list_link, vec![michelle]);
    // The same grant again: warning, no change, the row is still written.
    c.clear();
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    assert_eq!(
        c.warnings,
        [format!(
            "The appropriate access control entry is already present on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\"."
        )]
    );
    assert!(c.changes.is_empty());
    assert_eq!(c.out.len(), 1);
}

#[test]
fn add_without_automapping_and_for_groups() {
    let mut c = cx();
    let add = [
        ("Identity", s("karen")),
        ("User", s("michelle")),
        ("AccessRights", s("FullAccess")),
        ("AutoMapping", Value::Bool(false)),
    ];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    let add = [("Identity", s("karen")), ("User", s("Help Desk Agents")), ("AccessRights", s("FullAccess"))];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
    assert!(c.dir.recipients[karen].delegate_list_link.is_empty());
    assert_eq!(prop(&c.out[1], "User"), "CONTOSO\\helpdeskagents");
}

#[test]
fn add_errors() {
    let mut c = cx();
    let e = run(
        &AddMailboxPermission,
        &mut c,
        &[("Identity", s("nobody")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))],
    );
    let e = e.err().map(|e| message(&e)).unwrap_or_default();
    assert_eq!(
        e,
        "The operation couldn't be performed because object 'nobody' couldn't be found on 'DC01.contoso.com'."
    );
    let e = run(
        &AddMailboxPermission,
        &mut c,
        &[("Identity", s("karen")), ("User", s("ghost")), ("AccessRights", s("FullAccess"))],
    );
    match e {
        Err(CmdletError::Exchange { message, category, kind }) => {
            assert_eq!(message, "User or group \"ghost\" wasn't found. Please make sure you've typed it correctly.");
            assert_eq!(category, "InvalidData");
            assert_eq!(kind, ExchangeErrorKind::NotFound);
        }
        other => panic!("unexpected {other:?}"),
    }
    let e = run(
        &AddMailboxPermission,
        &mut c,
        &[("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("SendAs"))],
    );
    assert_eq!(
        e.err().map(|e| message(&e)).unwrap_or_default(),
        "Setting the Send As permission for the mailbox doesn't work. Add the Send As permission using Add-ADPermission cmdlet."
    );
    let args = [
        ("Identity", s("karen")),
        ("User", s("michelle")),
        ("AccessRights", s("ReadPermission")),
        ("AutoMapping", Value::Bool(true)),
    ];
    assert!(
        message(&run(&AddMailboxPermission, &mut c, &args).err().unwrap_or(missing("x")))
            .starts_with("Setting AutoMapping option to true")
    );
    let args = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("Fullaccess,Bogus"))];
    let e = crate::cmdlets::testing::bind(&AddMailboxPermission, &c, &args).err().unwrap_or_default();
    assert!(e.contains("Unable to match the identifier name Bogus"), "{e}");
    assert!(c.changes.is_empty());
}

#[test]
fn what_if_changes_nothing() {
    let mut c = cx();
    c.whatif = true;
    let args = [
        ("Identity", s("kim")),
        ("User", s("ben")),
        ("AccessRights", crate::cmdlets::testing::list(&["FullAccess", "ReadPermission"])),
    ];
    let e = run(&AddMailboxPermission, &mut c, &args);
    assert!(e.is_err(), "ben does not exist");
    let args = [
        ("Identity", s("kim")),
        ("User", s("david")),
        ("AccessRights", crate::cmdlets::testing::list(&["FullAccess", "ReadPermission"])),
    ];
    assert!(run(&AddMailboxPermission, &mut c, &args).is_ok());
    assert_eq!(
        c.what_if,
        [
            "What if: Adding Mailbox Permission on 'kim' for User 'david' with AccessRights ''FullAccess', 'ReadPermission''."
        ]
    );
    assert!(c.out.is_empty() && c.changes.is_empty());
    let args = [("Identity", s("kim")), ("User", s("david")), ("AccessRights", s("FullAccess"))];
    assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
    assert_eq!(
        c.what_if[1],
        "What if: Removing mailbox permission \"kim\" for user \"david\" with access rights \"'FullAccess'\"."
    );
}

#[test]
fn remove_paths() {
    let mut c = cx();
    let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    c.clear();
    assert!(run(&RemoveMailboxPermission, &mut c, &add).is_ok());
    assert!(c.out.is_empty() && c.warnings.is_empty());
    let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
    assert!(c.dir.recipients[karen].delegate_list_link.is_empty());
    assert_eq!(c.dir.recipients[karen].mailbox_acl.len(), 14);
    // Again: the ACE doesn't exist.
    assert!(run(&RemoveMailboxPermission, &mut c, &add).is_ok());
    assert_eq!(
        c.warnings,
        [format!(
            "Can't remove the access control entry on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\" because the ACE doesn't exist on the object."
        )]
    );
    // Only an inherited entry matches.
    c.clear();
    let args = [("Identity", s("karen")), ("User", s("Administrator")), ("AccessRights", s("FullAccess"))];
    assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
    assert_eq!(
        c.warnings,
        [format!(
            "An inherited access control entry has been specified: [Rights: CreateChild, Delete, ReadControl, WriteDacl, WriteOwner, ControlType: Allow]  and was ignored on object \"{KAREN_DN}\"."
        )]
    );
    // A piped inherited row.
    c.clear();
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
    let inherited = c.out[2].clone();
    c.out.clear();
    assert!(run(&RemoveMailboxPermission, &mut c, &[("Instance", inherited)]).is_ok());
    assert_eq!(
        c.warnings,
        [format!("An inherited access control entry has been provided and was ignored on object \"{KAREN_DN}\".")]
    );
    assert!(c.changes.is_empty());
}

#[test]
fn remove_piped_explicit_row_and_self_rights() {
    let mut c = cx();
    let add = [("Identity", s("karen")), ("User", s("amy")), ("AccessRights", s("ReadPermission"))];
    assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
    let row = c.out[0].clone();
    assert!(run(&RemoveMailboxPermission, &mut c, &[("Instance", row)]).is_ok());
    assert_eq!(
        c.actions[1],
        "Removing mailbox permission \"contoso.com/Users/Karen Berg\" for user \"CONTOSO\\amy\" with access rights \"'ReadPermission'\"."
    );
    assert!(c.warnings.is_empty());
    let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
    assert_eq!(c.dir.recipients[karen].mailbox_acl.len(), 14);
    let args = [("Identity", s("karen")), ("User", s("NT AUTHORITY\\SELF")), ("AccessRights", s("FullAccess"))];
    assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
    assert_eq!(c.dir.recipients[karen].mailbox_acl[0].rights, mr::READ_PERMISSION);
}

#[test]
fn database_grants_show_as_inherited_rows() {
    let mut c = cx();
    c.dir.databases[0].ad_acl.push(crate::directory::AdAce {
        sid: c.dir.recipients[4].sid.clone().unwrap_or_default(),
        rights: crate::directory::rights::ad::EXTENDED_RIGHT,
        extended_rights: vec!["Receive-As".into()],
        properties: Vec::new(),
        deny: false,
        inheritance: Inheritance::All,
        inherited: false,
    });
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("john"))]).is_ok());
    assert_eq!(c.out.len(), 1);
    assert_eq!(prop(&c.out[0], "IsInherited"), "True");
    assert_eq!(prop(&c.out[0], "AccessRights"), "FullAccess");
    c.clear();
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("kim")), ("User", s("john"))]).is_ok());
    assert!(c.out.is_empty(), "kim is on DB02");
}

#[test]
fn piped_mailbox_binds_identity() {
    let mut c = cx();
    let mbx = super::super::objects::mailbox_object(&c.dir, 1);
    assert!(run(&GetMailboxPermission, &mut c, &[("Identity", mbx)]).is_ok());
    assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Karen Berg");
}
