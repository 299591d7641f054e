use super::recipients::{one, strip_braces};
use super::*;
use crate::directory::Directory;
use crate::directory::model::{ExchangeVersion, FolderUser};

fn org() -> Directory {
    Directory::sample(ExchangeVersion::Exchange2019)
}

const KAREN_DN: &str = "CN=Karen Berg,CN=Users,DC=contoso,DC=com";

#[test]
fn names_of_karen() {
    let d = org();
    let k = &d.recipients[1];
    assert_eq!(d.canonical_name(k), "contoso.com/Users/Karen Berg");
    assert_eq!(d.distinguished_name(k), KAREN_DN);
    assert_eq!(
        d.legacy_exchange_dn(k),
        "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=karen"
    );
    assert_eq!(
        d.database_dn(&d.databases[0]),
        "CN=DB01,CN=Databases,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"
    );
}

#[test]
fn dn_and_canonical_name_escape_specials() {
    let mut d = org();
    d.recipients[1].name = "Berg, Karen/ext".to_string();
    let k = &d.recipients[1];
    assert_eq!(d.distinguished_name(k), "CN=Berg\\, Karen/ext,CN=Users,DC=contoso,DC=com");
    assert_eq!(d.canonical_name(k), "contoso.com/Users/Berg, Karen\\/ext");
    assert_eq!(d.resolve_recipient("CN=Berg\\, Karen/ext,CN=Users,DC=contoso,DC=com", RecipientScope::Mailbox), Ok(1));
}

#[test]
fn every_identity_form_of_karen() {
    let d = org();
    let k = &d.recipients[1];
    let forms = [
        "Karen Berg".to_string(),
        "karen".to_string(),
        "KAREN".to_string(),
        "karen@contoso.com".to_string(),
        "Karen@Contoso.com".to_string(),
        "smtp:karen@contoso.com".to_string(),
        "SMTP:karen@contoso.com".to_string(),
        "CONTOSO\\karen".to_string(),
        "contoso\\KAREN".to_string(),
        KAREN_DN.to_string(),
        KAREN_DN.to_lowercase(),
        "contoso.com/Users/Karen Berg".to_string(),
        k.guid.clone(),
        k.guid.to_uppercase(),
        format!("{{{}}}", k.guid),
        k.exchange_guid.clone().unwrap_or_default(),
        d.legacy_exchange_dn(k),
    ];
    for f in &forms {
        assert_eq!(d.resolve_recipient(f, RecipientScope::Mailbox), Ok(1), "{f}");
        assert_eq!(d.find_recipients(f, RecipientScope::Recipient), vec![1], "{f}");
    }
}

#[test]
fn not_found_cases() {
    let d = org();
    for f in ["karen ", " karen", "kare", "Karen Berg2", "OTHER\\karen", "", "nobody@contoso.com", "\\karen"] {
        assert_eq!(d.resolve_recipient(f, RecipientScope::Mailbox), Err(ResolveError::NotFound), "{f:?}");
    }
    // Out of scope.
    assert_eq!(d.resolve_recipient("allstaff", RecipientScope::Mailbox), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_recipient("allstaff", RecipientScope::Group), Ok(11));
    assert_eq!(d.resolve_recipient("karen", RecipientScope::Group), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_recipient("partner", RecipientScope::Recipient), Ok(12));
    assert_eq!(d.resolve_recipient("partner@fabrikam.com", RecipientScope::Recipient), Ok(12));
    assert_eq!(d.resolve_recipient("partner", RecipientScope::User), Err(ResolveError::NotFound));
}

#[test]
fn ambiguity_rules() {
    let mut d = org();
    // Same DisplayName: ambiguous.
    d.recipients[3].display_name = "Karen Berg".to_string();
    assert_eq!(d.resolve_recipient("Karen Berg", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
    assert_eq!(d.find_recipients("Karen Berg", RecipientScope::Mailbox), vec![1, 3]);
    // Name of one = Alias of another: the alias wins (Name is only tried when nothing else matched).
    let mut d = org();
    d.recipients[3].name = "karen".to_string();
    assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Ok(1));
    // Name alone still finds it.
    d.recipients[3].name = "Amy A.".to_string();
    assert_eq!(d.resolve_recipient("Amy A.", RecipientScope::Mailbox), Ok(3));
}

#[test]
fn wildcards() {
    let d = org();
    assert_eq!(d.find_recipients("*", RecipientScope::Mailbox), (0..10).collect::<Vec<_>>());
    assert_eq!(d.find_recipients("*", RecipientScope::Recipient).len(), 13);
    assert_eq!(d.find_recipients("k*", RecipientScope::Mailbox), vec![1, 5]);
    assert_eq!(d.find_recipients("*Desk*", RecipientScope::Recipient), vec![7, 10]);
    assert_eq!(d.find_recipients("j?hn", RecipientScope::Mailbox), vec![4]);
    assert_eq!(d.find_recipients("*@fabrikam.com", RecipientScope::Recipient), vec![12]);
    assert_eq!(d.resolve_recipient("k*", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
    assert_eq!(d.resolve_recipient("kar*", RecipientScope::Mailbox), Ok(1));
    assert!(d.find_recipients("zz*", RecipientScope::Recipient).is_empty());
    assert!(wildcard_match("a*b*c", "aXXbYYc"));
    assert!(!wildcard_match("a*b*c", "aXXbYY"));
    assert!(wildcard_match("**", ""));
}

#[test]
fn principals_resolve() {
    let d = org();
    let ok = |s: &str| d.resolve_principal(s).map(|t| (t.sid, t.account, t.recipient));
    assert_eq!(ok("NT AUTHORITY\\SELF"), Ok(("S-1-5-10".into(), "NT AUTHORITY\\SELF".into(), None)));
    assert_eq!(ok("nt authority\\system").map(|x| x.1), Ok("NT AUTHORITY\\SYSTEM".into()));
    assert_eq!(ok("S-1-5-20").map(|x| x.1), Ok("NT AUTHORITY\\NETWORK SERVICE".into()));
    let da = format!("{}-512", d.org.domain_sid);
    assert_eq!(ok("CONTOSO\\Domain Admins").map(|x| x.0), Ok(da.clone()));
    assert_eq!(ok("Domain Admins").map(|x| x.0), Ok(da.clone()));
    assert_eq!(ok(&da).map(|x| x.1), Ok("CONTOSO\\Domain Admins".into()));
    assert_eq!(ok("Organization Management").map(|x| x.1), Ok("CONTOSO\\Organization Management".into()));
    let michelle =
        ("S-1-5-21-3623811015-3361044348-30300820-1106".to_string(), "CONTOSO\\michelle".to_string(), Some(2));
    for f in [
        "michelle",
        "Michelle Dubois",
        "michelle@contoso.com",
        "CONTOSO\\michelle",
        "S-1-5-21-3623811015-3361044348-30300820-1106",
    ] {
        assert_eq!(ok(f), Ok(michelle.clone()), "{f}");
    }
    assert_eq!(ok("CONTOSO\\Administrator").map(|x| x.2), Ok(Some(0)));
    assert_eq!(ok("Help Desk Agents").map(|x| x.1), Ok("CONTOSO\\helpdeskagents".into()));
    // Only mailboxes, mail users and mail-enabled security groups are security principals.
    use crate::directory::RecipientKind as K;
    assert!(K::SharedMailbox.is_security_principal() && K::MailUser.is_security_principal());
    assert!(K::MailUniversalSecurityGroup.is_security_principal());
    assert!(!K::MailUniversalDistributionGroup.is_security_principal() && !K::MailContact.is_security_principal());
    // Contacts have no SID and distribution groups are no security principals.
    assert_eq!(ok("partner"), Err(ResolveError::NotFound));
    assert_eq!(ok("All Staff"), Err(ResolveError::NotFound));
    assert_eq!(ok("allstaff@contoso.com"), Err(ResolveError::NotFound));
    assert_eq!(ok("nobody"), Err(ResolveError::NotFound));
    assert_eq!(ok("michelle "), Err(ResolveError::NotFound));
    // A well-formed but unknown SID resolves to itself (orphaned entries).
    let orphan = "S-1-5-21-3623811015-3361044348-30300820-4242";
    assert_eq!(ok(orphan), Ok((orphan.to_string(), orphan.to_string(), None)));
}

#[test]
fn principal_ambiguity() {
    let mut d = org();
    d.recipients[3].display_name = "Michelle Dubois".to_string();
    assert_eq!(d.resolve_principal("Michelle Dubois"), Err(ResolveError::Ambiguous));
    // A recipient called like a built-in group collides with it.
    d.recipients[4].display_name = "Domain Admins".to_string();
    assert_eq!(d.resolve_principal("Domain Admins"), Err(ResolveError::Ambiguous));
}

#[test]
fn account_names() {
    let d = org();
    assert_eq!(d.account_name("S-1-5-10"), "NT AUTHORITY\\SELF");
    assert_eq!(d.account_name("S-1-5-21-3623811015-3361044348-30300820-1105"), "CONTOSO\\karen");
    assert_eq!(d.account_name("S-1-5-21-3623811015-3361044348-30300820-500"), "CONTOSO\\Administrator");
    assert_eq!(d.account_name("S-1-5-21-1-2-3-9999"), "S-1-5-21-1-2-3-9999");
    assert!(is_sid_string("S-1-5-10"));
    assert!(!is_sid_string("S-1"));
    assert!(!is_sid_string("S-1-x"));
    assert!(!is_sid_string("karen"));
}

#[test]
fn ad_objects_and_databases() {
    let d = org();
    assert_eq!(d.resolve_ad_object(KAREN_DN), Ok(AdObject::Recipient(1)));
    assert_eq!(d.resolve_ad_object("Karen Berg"), Ok(AdObject::Recipient(1)));
    assert_eq!(d.resolve_ad_object("DB02"), Ok(AdObject::Database(1)));
    let dn = d.database_dn(&d.databases[0]);
    assert_eq!(d.resolve_ad_object(&dn), Ok(AdObject::Database(0)));
    assert_eq!(d.resolve_ad_object("nobody"), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_database("db01"), Ok(0));
    assert_eq!(d.resolve_database(&d.databases[1].guid), Ok(1));
    assert_eq!(d.resolve_database("DB03"), Err(ResolveError::NotFound));
    let mut d = org();
    d.recipients[3].name = "DB01".to_string();
    assert_eq!(d.resolve_ad_object("DB01"), Err(ResolveError::Ambiguous));
}

#[test]
fn folder_identities() {
    assert_eq!(Directory::split_folder_identity("karen:\\Calendar"), Some(("karen", "Calendar")));
    assert_eq!(Directory::split_folder_identity("karen:\\"), Some(("karen", "")));
    assert_eq!(
        Directory::split_folder_identity("karen@contoso.com:\\Inbox\\Projects"),
        Some(("karen@contoso.com", "Inbox\\Projects"))
    );
    assert_eq!(Directory::split_folder_identity("karen"), None);
    assert_eq!(Directory::split_folder_identity("karen:Calendar"), None);
    let d = org();
    assert_eq!(d.folder_index(1, ""), Some(0));
    assert_eq!(d.folder_index(1, "\\"), Some(0));
    assert_eq!(d.folder_index(1, "calendar"), d.folder_index(1, "\\Calendar"));
    assert!(d.folder_index(1, "Calendar").is_some());
    assert_eq!(d.folder_index(1, "inbox\\projects"), Some(2));
    assert_eq!(d.folder_index(2, "Inbox\\Projects"), None);
    assert_eq!(d.folder_index(1, "Kalender"), None);
    assert_eq!(d.folder_index(99, "Calendar"), None);
}

#[test]
fn folder_users() {
    let d = org();
    assert_eq!(d.resolve_folder_user("default"), Ok(FolderUser::Default));
    assert_eq!(d.resolve_folder_user("Anonymous"), Ok(FolderUser::Anonymous));
    let m = FolderUser::Sid("S-1-5-21-3623811015-3361044348-30300820-1106".into());
    assert_eq!(d.resolve_folder_user("michelle"), Ok(m.clone()));
    assert_eq!(d.folder_user_display(&m), "Michelle Dubois");
    assert_eq!(d.resolve_folder_user("someone@fabrikam.com"), Ok(FolderUser::External("someone@fabrikam.com".into())));
    assert_eq!(d.resolve_folder_user("partner"), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_folder_user("partner@fabrikam.com"), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_folder_user("nobody"), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_folder_user("nobody@contoso.com"), Err(ResolveError::NotFound));
    assert_eq!(d.folder_user_display(&FolderUser::External("x@y.com".into())), "x@y.com");
    assert_eq!(d.folder_user_display(&FolderUser::Default), "Default");
    // An orphaned entry prints and resolves as NT:<SID>; a distribution group is no folder user.
    assert_eq!(d.folder_user_display(&FolderUser::Sid("S-1-5-21-9-9-9-9".into())), "NT:S-1-5-21-9-9-9-9");
    assert_eq!(d.resolve_folder_user("nt:s-1-5-21-9-9-9-9"), Ok(FolderUser::Sid("S-1-5-21-9-9-9-9".into())));
    assert_eq!(d.resolve_folder_user("allstaff"), Err(ResolveError::NotFound));
}

#[test]
fn membership_is_transitive_and_cycle_safe() {
    let mut d = org();
    let sid = |i: usize, d: &Directory| d.recipients[i].sid.clone().unwrap_or_default();
    let (kim, agents, all, karen) = (sid(5, &d), sid(10, &d), sid(11, &d), sid(1, &d));
    assert!(d.is_member(&kim, &agents));
    assert!(!d.is_member(&karen, &agents));
    assert!(!d.is_member(&agents, &agents));
    // Nest agents in all staff, and all staff back into agents (a cycle).
    let agents_guid = d.recipients[10].guid.clone();
    let all_guid = d.recipients[11].guid.clone();
    d.recipients[11].members.push(agents_guid);
    d.recipients[10].members.push(all_guid);
    assert!(d.is_member(&karen, &agents));
    assert!(d.is_member(&agents, &all));
    assert!(d.is_member(&all, &all));
    assert!(!d.is_member("S-1-5-10", &all));
    // Principal groups hold the Administrator.
    let da = format!("{}-512", d.org.domain_sid);
    assert!(d.is_member(&sid(0, &d), &da));
    assert!(!d.is_member(&karen, &da));
    let groups = d.group_sids_of(&sid(0, &d));
    assert_eq!(groups.len(), 3);
}

/// The scan every look-up did before the index: the reference the indexed look-ups must equal.
fn scan_find(d: &Directory, identity: &str, scope: RecipientScope) -> Vec<usize> {
    let in_scope = || d.recipients.iter().enumerate().filter(|(_, r)| scope.includes(r.kind));
    if identity.is_empty() {
        return Vec::new();
    }
    if has_wildcard(identity) {
        return in_scope().filter(|(_, r)| d.matches_wildcard(r, identity)).map(|(i, _)| i).collect();
    }
    let found: Vec<usize> = in_scope().filter(|(_, r)| d.matches_primary(r, identity)).map(|(i, _)| i).collect();
    if !found.is_empty() {
        return found;
    }
    let found: Vec<usize> = in_scope().filter(|(_, r)| eq_ci(&r.name, identity)).map(|(i, _)| i).collect();
    if !found.is_empty() {
        return found;
    }
    let sam = match identity.split_once('\\') {
        Some((domain, sam)) if eq_ci(domain, &d.org.netbios) => sam,
        Some(_) => return Vec::new(),
        None => identity,
    };
    in_scope().filter(|(_, r)| r.sid.is_some() && eq_ci(&r.alias, sam)).map(|(i, _)| i).collect()
}

fn scan_ad_object(d: &Directory, identity: &str) -> Result<AdObject, ResolveError> {
    let g = strip_braces(identity);
    let mut found: Vec<AdObject> = Vec::new();
    for (i, r) in d.recipients.iter().enumerate() {
        if eq_ci(&d.distinguished_name(r), identity) || eq_ci(&r.guid, g) || eq_ci(&d.canonical_name(r), identity) {
            found.push(AdObject::Recipient(i));
        }
    }
    for (i, db) in d.databases.iter().enumerate() {
        if eq_ci(&d.database_dn(db), identity) || eq_ci(&db.guid, g) {
            found.push(AdObject::Database(i));
        }
    }
    if found.is_empty() {
        found.extend(
            d.recipients
                .iter()
                .enumerate()
                .filter(|(_, r)| eq_ci(&r.name, identity))
                .map(|(i, _)| AdObject::Recipient(i)),
        );
        found.extend(
            d.databases
                .iter()
                .enumerate()
                .filter(|(_, x)| eq_ci(&x.name, identity))
                .map(|(i, _)| AdObject::Database(i)),
        );
    }
    one(found)
}

/// Every identity form of every recipient, mangled in case, plus near misses.
fn identity_forms(d: &Directory) -> Vec<String> {
    let mut forms = vec![
        String::new(),
        "CONTOSO\\".into(),
        "OTHER\\karen".into(),
        "cn=,CN=Users,DC=contoso,DC=com".into(),
        "contoso.com/Users/".into(),
        "smtp:".into(),
        ":".into(),
        "{}".into(),
        "S-1-5-10".into(),
        "DB01".into(),
    ];
    for r in d.recipients.iter() {
        let mut f = vec![
            r.alias.clone(),
            r.name.clone(),
            r.display_name.clone(),
            r.primary_smtp.clone(),
            r.guid.clone(),
            format!("{{{}}}", r.guid),
            d.distinguished_name(r),
            d.canonical_name(r),
            d.legacy_exchange_dn(r),
            format!("{}\\{}", d.org.netbios, r.alias),
            format!("x\\{}", r.alias),
            format!("{} ", r.alias),
            format!("smtp:{}", r.primary_smtp),
            format!("X500:{}", d.legacy_exchange_dn(r)),
        ];
        f.extend(r.upn.clone());
        f.extend(r.sid.clone());
        f.extend(r.exchange_guid.clone());
        f.extend(r.email_addresses.iter().cloned());
        f.extend(r.external_email.clone());
        for x in f {
            forms.push(x.to_uppercase());
            forms.push(x.to_lowercase());
            forms.push(x);
        }
    }
    forms
}

/// A sample org with the awkward cases: shared names, escaped DN characters, slashes, a name
/// equal to another's alias, non-SMTP addresses, non-ASCII names.
fn awkward_org() -> Directory {
    let mut d = org();
    d.recipients[1].name = "Berg, Karen/ext".into();
    d.recipients[2].name = "#Mich\\elle ".into();
    d.recipients[3].display_name = "Karen Berg".into();
    d.recipients[4].name = "kim".into();
    d.recipients[5].email_addresses.push("X500:/o=Old/cn=kim".into());
    d.recipients[5].email_addresses.push("sip:kim@contoso.com".into());
    d.recipients[5].email_addresses.push("noprefix@contoso.com".into());
    d.recipients[6].name = "Ödön Åström".into();
    d.recipients[6].display_name = "ΟΔΟΣ".into();
    d.recipients[7].alias = "contoso\\helpdesk".into();
    d.recipients[8].name = "a=b/c\\/d".into();
    d
}

#[test]
fn indexed_lookups_equal_the_scan() {
    for d in [org(), awkward_org(), Directory::sample(ExchangeVersion::Online)] {
        let mut forms = identity_forms(&d);
        forms.extend(
            ["οδος", "οδοσ", "ödön åström", "kim", "KIM", "x500:/o=old/cn=kim", "/o=Old/cn=kim"].map(String::from),
        );
        forms.extend(
            ["sip:kim@contoso.com", "kim@contoso.com", "noprefix@contoso.com", "smtp:noprefix@contoso.com"]
                .map(String::from),
        );
        for f in &forms {
            for scope in [
                RecipientScope::Mailbox,
                RecipientScope::Recipient,
                RecipientScope::User,
                RecipientScope::Group,
                RecipientScope::MailUserOrMailbox,
            ] {
                assert_eq!(d.find_recipients(f, scope), scan_find(&d, f, scope), "{f:?} {scope:?}");
            }
            assert_eq!(d.resolve_ad_object(f), scan_ad_object(&d, f), "{f:?}");
            let g = strip_braces(f);
            assert_eq!(d.recipient_by_guid(f), d.recipients.iter().position(|r| eq_ci(&r.guid, g)), "{f:?}");
            let by_sid = d.recipients.iter().position(|r| r.sid.as_deref().is_some_and(|s| eq_ci(s, f)));
            assert_eq!(d.recipient_by_sid(f), by_sid, "{f:?}");
        }
    }
}

#[test]
fn lookups_after_a_change_see_the_new_state() {
    use crate::directory::{Change, NewRecipient, RecipientField};
    let mut d = org();
    assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Ok(1));
    // Create: found at once by every form.
    let spec = NewRecipient {
        name: "Ben Smith".into(),
        alias: "ben".into(),
        display_name: None,
        first_name: String::new(),
        last_name: String::new(),
        kind: RecipientKind::UserMailbox,
        database: None,
        external_email: None,
    };
    let ben = d.build_recipient(&spec);
    let (ben_guid, ben_sid) = (ben.guid.clone(), ben.sid.clone().unwrap_or_default());
    assert_eq!(d.resolve_recipient("ben", RecipientScope::Mailbox), Err(ResolveError::NotFound));
    d.apply(&Change::AddRecipient { recipient: Box::new(ben) }).expect("add");
    assert_eq!(d.resolve_recipient("ben@contoso.com", RecipientScope::Mailbox), Ok(13));
    assert_eq!(d.recipient_by_sid(&ben_sid), Some(13));
    assert_eq!(d.account_name(&ben_sid), "CONTOSO\\ben");
    // A permission change keeps the index (it names no recipient differently).
    d.recipients.index();
    let ace = crate::directory::MailboxAce {
        sid: ben_sid.clone(),
        rights: 1,
        deny: false,
        inheritance: crate::directory::Inheritance::All,
        inherited: false,
    };
    d.apply(&Change::AddMailboxAce { mailbox: d.recipients[1].guid.clone(), ace }).expect("grant");
    assert!(d.recipients.index_is_built());
    assert_eq!(d.resolve_principal("ben").map(|t| t.sid), Ok(ben_sid.clone()));
    // Renaming by address and display name.
    let fields = vec![
        RecipientField::DisplayName("Benjamin Smith".into()),
        RecipientField::EmailAddresses(vec!["SMTP:benjamin@contoso.com".into(), "smtp:ben@contoso.com".into()]),
    ];
    d.apply(&Change::SetRecipientFields { recipient: ben_guid.clone(), fields }).expect("set");
    assert_eq!(d.resolve_recipient("Benjamin Smith", RecipientScope::Mailbox), Ok(13));
    assert_eq!(d.resolve_recipient("benjamin@contoso.com", RecipientScope::Mailbox), Ok(13));
    assert_eq!(d.resolve_recipient("smtp:ben@contoso.com", RecipientScope::Mailbox), Ok(13));
    // Removing an earlier recipient moves everyone after it.
    let amy = d.recipients[3].guid.clone();
    d.apply(&Change::RemoveRecipient { recipient: amy.clone() }).expect("remove");
    assert_eq!(d.resolve_recipient("amy", RecipientScope::Mailbox), Err(ResolveError::NotFound));
    assert_eq!(d.recipient_by_guid(&amy), None);
    assert_eq!(d.resolve_recipient("Benjamin Smith", RecipientScope::Mailbox), Ok(12));
    assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Ok(3));
    // Replay of a removal (store merge) too.
    let john = d.recipients[3].guid.clone();
    assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Ok(3));
    d.replay(&Change::RemoveRecipient { recipient: john }).expect("replay");
    assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Ok(3));
    // Direct edits of the public list drop the index as well.
    assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Ok(3));
    d.recipients[3].alias = "kimberly".into();
    assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Err(ResolveError::NotFound));
    assert_eq!(d.resolve_recipient("kimberly", RecipientScope::Mailbox), Ok(3));
    let karen_copy = d.recipients[1].clone();
    d.recipients.push(karen_copy);
    assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
    // A failed change keeps everything as it was, lookups included.
    let before = d.clone();
    let bad = Change::AddRecipient { recipient: Box::new(d.recipients[1].clone()) };
    assert!(d.apply(&bad).is_err());
    assert_eq!(d, before);
    assert_eq!(d.find_recipients("karen", RecipientScope::Mailbox), vec![1, 12]);
}
