//! Checks a directory before it is written, with the locations reading the file would report.

use std::collections::{HashMap, HashSet};

use super::SchemaError;
use super::from_dto::*;
use crate::directory::{AdAce, Directory, FolderUser};

/// Checks, on the directory itself, everything [`from_dto`] checks on a file's content: names
/// present, Guids and SIDs well-formed and unique, databases and references known, members only
/// on groups, folder paths unique within a mailbox. Locations are those reading the written
/// file would report.
pub fn validate(dir: &Directory) -> Result<(), SchemaError> {
    let mut db_names: HashSet<String> = HashSet::with_capacity(dir.databases.len());
    let mut guids: Seen = HashMap::with_capacity(dir.recipients.len() + dir.databases.len());
    let root = Loc::Root("databases");
    for (i, d) in dir.databases.iter().enumerate() {
        let loc = root.named(i, &d.name);
        non_empty(&loc.key("name"), &d.name)?;
        guid_field(&loc.key("guid"), &d.guid)?;
        if !db_names.insert(d.name.to_ascii_lowercase()) {
            return Err(err_at(&loc, format!("a second database named '{}'", d.name)));
        }
        if guids.insert(d.guid.to_ascii_lowercase(), false).is_some() {
            return Err(err_at(&loc.key("guid"), format!("Guid {} is used twice", d.guid)));
        }
        validate_ad_acl(&loc.key("adPermissions"), &d.ad_acl)?;
    }
    let mut sids: HashSet<String> = HashSet::with_capacity(dir.recipients.len() + dir.principals.len());
    let root = Loc::Root("principals");
    for (i, p) in dir.principals.iter().enumerate() {
        let loc = root.named(i, &p.account);
        sid_field(&loc.key("sid"), &p.sid)?;
        if !sids.insert(p.sid.to_ascii_uppercase()) {
            return Err(err_at(&loc.key("sid"), format!("SID {} is used twice", p.sid)));
        }
        if !p.is_group && !p.members.is_empty() {
            return Err(err_at(&loc.key("members"), "only groups have members"));
        }
    }
    let root = Loc::Root("recipients");
    let mut aliases: Aliases = HashMap::with_capacity(dir.recipients.len());
    for (i, r) in dir.recipients.iter().enumerate() {
        let loc = root.named(i, &r.name);
        non_empty(&loc.key("name"), &r.name)?;
        non_empty(&loc.key("alias"), &r.alias)?;
        guid_field(&loc.key("guid"), &r.guid)?;
        if let Some(g) = &r.exchange_guid {
            guid_field(&loc.key("exchangeGuid"), g)?;
        }
        if let Some(sid) = &r.sid {
            sid_field(&loc.key("sid"), sid)?;
        }
        if let Some(db) = &r.database
            && !db_names.contains(&db.to_ascii_lowercase())
        {
            return Err(err_at(&loc.key("database"), format!("no database named '{db}'")));
        }
        if !r.kind.is_group() && !r.members.is_empty() {
            return Err(err_at(&loc.key("members"), "only groups have members"));
        }
        if !r.kind.is_group() && !r.managed_by.is_empty() {
            return Err(err_at(&loc.key("managedBy"), "only groups have owners"));
        }
        let mloc = loc.key("mailboxPermissions");
        for (j, a) in r.mailbox_acl.iter().enumerate() {
            sid_field(&mloc.at(j).key("trustee"), a.sid.trim())?;
        }
        validate_ad_acl(&loc.key("adPermissions"), &r.ad_acl)?;
        let floc = loc.key("folders");
        for (j, f) in r.folders.iter().enumerate() {
            let floc = floc.named(j, &f.path);
            if r.folders[..j].iter().any(|x| x.path.eq_ignore_ascii_case(&f.path)) {
                return Err(err_at(&floc, format!("folder '{}' appears twice", f.path)));
            }
            for (k, a) in f.permissions.iter().enumerate() {
                let ok = match &a.user {
                    FolderUser::Default | FolderUser::Anonymous => true,
                    FolderUser::Sid(x) => is_sid(x.trim()),
                    FolderUser::External(x) => x.contains('@'),
                };
                if !ok {
                    let ploc = floc.key("permissions");
                    return Err(err_at(&ploc.at(k).key("user"), "is not a folder user"));
                }
            }
        }
        if guids.insert(r.guid.to_ascii_lowercase(), true).is_some() {
            return Err(err_at(&loc.key("guid"), format!("Guid {} is used twice", r.guid)));
        }
        if let Some(sid) = &r.sid
            && !sids.insert(sid.to_ascii_uppercase())
        {
            return Err(err_at(&loc.key("sid"), format!("SID {sid} is used twice")));
        }
        check_alias(&root, &mut aliases, i, &r.alias, &r.name)?;
    }
    let is_recipient = |g: &str| guids.get(&g.to_ascii_lowercase()).copied().unwrap_or(false);
    for (i, r) in dir.recipients.iter().enumerate() {
        let forwarding: Vec<String> = r.mail_flow.iter().filter_map(|m| m.forwarding_address.clone()).collect();
        for (key, list) in [
            ("members", &r.members),
            ("managedBy", &r.managed_by),
            ("grantSendOnBehalfTo", &r.grant_send_on_behalf_to),
            ("delegateListLink", &r.delegate_list_link),
        ]
        .into_iter()
        .chain(r.calendar.iter().flat_map(|c| {
            [
                ("calendarProcessing.bookInPolicy", &c.book_in_policy),
                ("calendarProcessing.requestInPolicy", &c.request_in_policy),
                ("calendarProcessing.requestOutOfPolicy", &c.request_out_of_policy),
            ]
        }))
        .chain(std::iter::once(("mailFlow.forwardingAddress", &forwarding)))
        {
            for (j, g) in list.iter().enumerate() {
                if !is_recipient(g) {
                    let loc = root.named(i, &r.name);
                    return Err(err_at(&loc.key(key).at(j), format!("no recipient has Guid '{g}'")));
                }
            }
        }
    }
    for (i, p) in dir.principals.iter().enumerate() {
        for (j, m) in p.members.iter().enumerate() {
            if !is_recipient(m) && !sids.contains(&m.to_ascii_uppercase()) {
                let root = Loc::Root("principals");
                let loc = root.named(i, &p.account);
                return Err(err_at(
                    &loc.key("members").at(j),
                    format!("'{m}' is neither a recipient Guid nor a SID in this file"),
                ));
            }
        }
    }
    Ok(())
}

fn validate_ad_acl(loc: &Loc<'_>, acl: &[AdAce]) -> Result<(), SchemaError> {
    for (j, a) in acl.iter().enumerate() {
        let aloc = loc.at(j);
        sid_field(&aloc.key("trustee"), a.sid.trim())?;
        let xloc = aloc.key("extendedRights");
        for (k, x) in a.extended_rights.iter().enumerate() {
            non_empty(&xloc.at(k), x)?;
        }
        let ploc = aloc.key("properties");
        for (k, p) in a.properties.iter().enumerate() {
            non_empty(&ploc.at(k), p)?;
        }
    }
    Ok(())
}
