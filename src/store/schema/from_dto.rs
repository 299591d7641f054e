//! Decoding: DTO -> Directory, checking every name and reference.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::dto::{AdAceDto, CalendarProcessingDto, FolderDto, OrgFileDto, RecipientDto};
use super::{SchemaError, err};
use crate::directory::rights;
use crate::directory::{
    AdAce, AutomateProcessing, CalendarProcessing, Database, Directory, ExchangeVersion, Folder, FolderAce, FolderUser,
    Inheritance, MailFlow, MailboxAce, OrgInfo, Principal, Recipient, RecipientKind, UpdateLevel,
};
use crate::store::defaults::Defaults;
use crate::store::names::SHARING_FLAGS;

// ---------------------------------------------------------------------------------------------
// Decoding: DTO -> Directory, with validation.
// ---------------------------------------------------------------------------------------------

/// A place in the file (`recipients[1] (Karen Berg).mailboxPermissions[0].rights`), built as a
/// chain on the stack and only spelled out when there is an error to report.
#[derive(Debug, Clone, Copy)]
pub(super) enum Loc<'a> {
    /// A top-level key path such as `organization.version`.
    Root(&'a str),
    /// `parent.key`.
    Key(&'a Loc<'a>, &'a str),
    /// `parent[i]`.
    Index(&'a Loc<'a>, usize),
    /// `parent[i] (name)`.
    Named(&'a Loc<'a>, usize, &'a str),
}

impl<'a> Loc<'a> {
    pub(super) fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc::Key(self, key)
    }

    pub(super) fn at(&'a self, i: usize) -> Loc<'a> {
        Loc::Index(self, i)
    }

    pub(super) fn named(&'a self, i: usize, name: &'a str) -> Loc<'a> {
        Loc::Named(self, i, name)
    }
}

impl fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Root(s) => f.write_str(s),
            Loc::Key(p, k) => write!(f, "{p}.{k}"),
            Loc::Index(p, i) => write!(f, "{p}[{i}]"),
            Loc::Named(p, i, n) => write!(f, "{p}[{i}] ({n})"),
        }
    }
}

/// Aliases seen so far (lower-cased) → index and name of the recipient that has it.
pub(super) type Aliases = HashMap<String, (usize, String)>;

/// Refuses a second recipient with the same alias (compared case-insensitively, as
/// New-Mailbox compares them): exsh's accounts use the alias as SamAccountName and the address's
/// local part, so two recipients cannot share one.
pub(super) fn check_alias(
    root: &Loc<'_>,
    seen: &mut Aliases,
    i: usize,
    alias: &str,
    name: &str,
) -> Result<(), SchemaError> {
    match seen.entry(alias.to_ascii_lowercase()) {
        std::collections::hash_map::Entry::Occupied(first) => {
            let (j, other) = first.get();
            Err(err_at(
                &root.named(i, name).key("alias"),
                format!("alias '{alias}' is already the alias of recipients[{j}] ({other})"),
            ))
        }
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert((i, name.to_string()));
            Ok(())
        }
    }
}

pub(super) fn err_at(loc: &Loc<'_>, message: impl Into<String>) -> SchemaError {
    SchemaError { location: loc.to_string(), message: message.into() }
}

/// Lower-cased (ASCII) Guids and upper-cased SIDs in use, for the uniqueness and reference
/// checks; the value says whether the Guid is a recipient's.
pub(super) type Seen = HashMap<String, bool>;

/// Converts a DTO to a directory, checking every name and reference. The DTO's `schemaVersion`
/// is checked by the caller (see [`super::probe_version`]). Mailboxes get back the default entries the
/// file leaves out (see [`crate::store::defaults`]).
pub fn from_dto(dto: &OrgFileDto) -> Result<Directory, SchemaError> {
    from_dto_owned(dto.clone())
}

/// [`from_dto`], moving the DTO's strings into the directory instead of copying them.
pub fn from_dto_owned(dto: OrgFileDto) -> Result<Directory, SchemaError> {
    let accounts = Accounts::new(&dto);
    let OrgFileDto {
        organization: o,
        databases: dto_databases,
        principals: dto_principals,
        recipients: dto_recipients,
        ..
    } = dto;
    let version = ExchangeVersion::from_profile(o.version.trim()).ok_or_else(|| {
        let known: Vec<&str> = ExchangeVersion::ALL.iter().map(|v| v.profile_name()).collect();
        err(
            "organization.version",
            format!("unknown Exchange version '{}' (expected one of {})", o.version, known.join(", ")),
        )
    })?;
    let update_level = match (&o.update_level, version) {
        (Some(text), ExchangeVersion::Exchange2010) => {
            Some(UpdateLevel::parse(text).map_err(|m| err("organization.updateLevel", m))?)
        }
        (None, ExchangeVersion::Exchange2010) => Some(UpdateLevel::LATEST_2010),
        (Some(_), _) => {
            return Err(err(
                "organization.updateLevel",
                format!("an update level applies only to an Exchange2010 organization, not {}", version.profile_name()),
            ));
        }
        (None, _) => None,
    };
    let org = OrgInfo {
        name: o.name,
        domain: o.domain,
        netbios: o.netbios,
        domain_sid: o.domain_sid,
        server: o.server,
        domain_controller: o.domain_controller,
        version,
        update_level,
        next_rid: o.next_rid,
    };
    let defaults = Defaults::of(&org);

    let mut database_names: HashSet<String> = HashSet::new();
    let mut guids: Seen = HashMap::with_capacity(dto_recipients.len() + dto_databases.len());
    let mut databases = Vec::with_capacity(dto_databases.len());
    let root = Loc::Root("databases");
    for (i, d) in dto_databases.iter().enumerate() {
        let loc = root.named(i, &d.name);
        non_empty(&loc.key("name"), &d.name)?;
        guid_field(&loc.key("guid"), &d.guid)?;
        if !database_names.insert(d.name.to_ascii_lowercase()) {
            return Err(err_at(&loc, format!("a second database named '{}'", d.name)));
        }
        if guids.insert(d.guid.to_ascii_lowercase(), false).is_some() {
            return Err(err_at(&loc.key("guid"), format!("Guid {} is used twice", d.guid)));
        }
        let ad_acl = ad_acl(&loc.key("adPermissions"), &d.ad_permissions, &accounts)?;
        let ad_owner = d.ad_owner.as_ref().map(|o| accounts.trustee(&loc.key("adOwner"), o)).transpose()?;
        databases.push(Database {
            name: d.name.clone(),
            guid: d.guid.clone(),
            server: d.server.clone(),
            ad_acl,
            ad_owner,
        });
    }

    let mut sids: HashSet<String> = HashSet::with_capacity(dto_recipients.len() + dto_principals.len());
    let mut principals = Vec::with_capacity(dto_principals.len());
    let root = Loc::Root("principals");
    for (i, p) in dto_principals.iter().enumerate() {
        let loc = root.named(i, &p.account);
        sid_field(&loc.key("sid"), &p.sid)?;
        if !sids.insert(p.sid.to_ascii_uppercase()) {
            return Err(err_at(&loc.key("sid"), format!("SID {} is used twice", p.sid)));
        }
        if !p.is_group && !p.members.is_empty() {
            return Err(err_at(&loc.key("members"), "only groups have members"));
        }
        principals.push(Principal {
            sid: p.sid.clone(),
            account: p.account.clone(),
            name: p.name.clone(),
            is_group: p.is_group,
            members: p.members.clone(),
        });
    }

    let mut recipients = Vec::with_capacity(dto_recipients.len());
    let mut aliases: Aliases = HashMap::with_capacity(dto_recipients.len());
    let root = Loc::Root("recipients");
    for (i, r) in dto_recipients.into_iter().enumerate() {
        let rec = recipient(&root, i, r, &database_names, &accounts, &defaults)?;
        if guids.insert(rec.guid.to_ascii_lowercase(), true).is_some() {
            let loc = root.named(i, &rec.name);
            return Err(err_at(&loc.key("guid"), format!("Guid {} is used twice", rec.guid)));
        }
        if let Some(sid) = &rec.sid
            && !sids.insert(sid.to_ascii_uppercase())
        {
            let loc = root.named(i, &rec.name);
            return Err(err_at(&loc.key("sid"), format!("SID {sid} is used twice")));
        }
        check_alias(&root, &mut aliases, i, &rec.alias, &rec.name)?;
        recipients.push(rec);
    }

    // References between recipients, checked once every Guid is known.
    let is_recipient = |g: &str| guids.get(&g.to_ascii_lowercase()).copied().unwrap_or(false);
    for (i, r) in recipients.iter().enumerate() {
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
    for (i, p) in principals.iter().enumerate() {
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

    Ok(Directory { org, databases, recipients: recipients.into(), principals })
}

pub(super) fn recipient(
    root: &Loc<'_>,
    i: usize,
    r: RecipientDto,
    databases: &HashSet<String>,
    accounts: &Accounts,
    defaults: &Defaults,
) -> Result<Recipient, SchemaError> {
    let loc = &root.named(i, &r.name);
    non_empty(&loc.key("name"), &r.name)?;
    non_empty(&loc.key("alias"), &r.alias)?;
    guid_field(&loc.key("guid"), &r.guid)?;
    let kind = RecipientKind::from_details_name(r.recipient_type_details.trim()).ok_or_else(|| {
        err_at(
            &loc.key("recipientTypeDetails"),
            format!(
                "unknown recipient type '{}' (expected one of UserMailbox, SharedMailbox, RoomMailbox, \
                 EquipmentMailbox, MailUniversalSecurityGroup, MailUniversalDistributionGroup, MailContact, MailUser)",
                r.recipient_type_details
            ),
        )
    })?;
    if let Some(g) = &r.exchange_guid {
        guid_field(&loc.key("exchangeGuid"), g)?;
    }
    if let Some(s) = &r.sid {
        sid_field(&loc.key("sid"), s)?;
    }
    if let Some(db) = &r.database
        && !databases.contains(&db.to_ascii_lowercase())
    {
        return Err(err_at(&loc.key("database"), format!("no database named '{db}'")));
    }
    if !kind.is_group() && !r.members.is_empty() {
        return Err(err_at(&loc.key("members"), "only groups have members"));
    }
    if !kind.is_group() && !r.managed_by.is_empty() {
        return Err(err_at(&loc.key("managedBy"), "only groups have owners"));
    }
    let mailbox_owner = r.mailbox_owner.as_ref().map(|o| accounts.trustee(&loc.key("mailboxOwner"), o)).transpose()?;
    let ad_owner = r.ad_owner.as_ref().map(|o| accounts.trustee(&loc.key("adOwner"), o)).transpose()?;
    if mailbox_owner.is_some() && !kind.is_mailbox() {
        return Err(err_at(&loc.key("mailboxOwner"), "only mailboxes have a mailbox owner"));
    }
    let mailbox_acl = match &r.mailbox_permissions {
        None => None,
        Some(list) => {
            let mloc = loc.key("mailboxPermissions");
            let mut acl = Vec::with_capacity(list.len());
            for (j, a) in list.iter().enumerate() {
                let aloc = mloc.at(j);
                acl.push(MailboxAce {
                    sid: accounts.trustee(&aloc.key("trustee"), &a.trustee)?,
                    rights: parse_flags(&aloc.key("rights"), &a.rights, rights::mailbox::MEMBERS, "mailbox right")?,
                    deny: a.deny,
                    inheritance: parse_inheritance(&aloc.key("inheritance"), &a.inheritance)?,
                    inherited: a.inherited,
                });
            }
            Some(acl)
        }
    };
    let ad = match &r.ad_permissions {
        None => None,
        Some(list) => Some(ad_acl(&loc.key("adPermissions"), list, accounts)?),
    };
    let folders = match &r.folders {
        None => None,
        Some(list) => Some(folders(&loc.key("folders"), list, accounts)?),
    };
    let (mailbox_acl, ad_acl, folders) = if kind.is_mailbox() && r.defaults {
        (defaults.expand_mailbox_acl(mailbox_acl), defaults.expand_ad_acl(ad), defaults.expand_folders(folders))
    } else {
        (mailbox_acl.unwrap_or_default(), ad.unwrap_or_default(), folders.unwrap_or_default())
    };
    let calendar = match r.calendar_processing.clone() {
        None => None,
        Some(c) => Some(calendar(&loc.key("calendarProcessing"), c)?),
    };
    if !kind.is_mailbox() && r.mail_flow.is_some() {
        return Err(err_at(&loc.key("mailFlow"), "only mailboxes have mail flow settings"));
    }
    let mail_flow = r.mail_flow.clone().map(|m| MailFlow {
        forwarding_address: m.forwarding_address,
        forwarding_smtp_address: m.forwarding_smtp_address,
        deliver_to_mailbox_and_forward: m.deliver_to_mailbox_and_forward,
        message_copy_for_sent_as: m.message_copy_for_sent_as_enabled,
        message_copy_for_send_on_behalf: m.message_copy_for_send_on_behalf_enabled,
    });
    let RecipientDto {
        name,
        alias,
        display_name,
        first_name,
        last_name,
        title,
        department,
        guid,
        exchange_guid,
        sid,
        user_principal_name,
        primary_smtp_address,
        email_addresses,
        external_email_address,
        database,
        account_disabled,
        hidden_from_address_lists_enabled,
        members,
        managed_by,
        grant_send_on_behalf_to,
        delegate_list_link,
        ..
    } = r;
    Ok(Recipient {
        guid,
        exchange_guid,
        sid,
        name,
        alias,
        display_name,
        first_name,
        last_name,
        title,
        department,
        kind,
        upn: user_principal_name,
        primary_smtp: primary_smtp_address,
        email_addresses,
        external_email: external_email_address,
        database,
        account_disabled,
        hidden: hidden_from_address_lists_enabled,
        members,
        managed_by,
        grant_send_on_behalf_to,
        mailbox_acl,
        ad_acl,
        folders,
        delegate_list_link,
        mailbox_owner,
        ad_owner,
        calendar,
        mail_flow,
    })
}

fn calendar(loc: &Loc<'_>, c: CalendarProcessingDto) -> Result<CalendarProcessing, SchemaError> {
    let automate_processing = AutomateProcessing::from_name(&c.automate_processing).ok_or_else(|| {
        err_at(
            &loc.key("automateProcessing"),
            format!("unknown AutomateProcessing '{}' (expected None, AutoUpdate or AutoAccept)", c.automate_processing),
        )
    })?;
    Ok(CalendarProcessing {
        automate_processing,
        all_book_in_policy: c.all_book_in_policy,
        all_request_in_policy: c.all_request_in_policy,
        all_request_out_of_policy: c.all_request_out_of_policy,
        book_in_policy: c.book_in_policy,
        request_in_policy: c.request_in_policy,
        request_out_of_policy: c.request_out_of_policy,
        forward_requests_to_delegates: c.forward_requests_to_delegates,
        allow_conflicts: c.allow_conflicts,
        allow_recurring_meetings: c.allow_recurring_meetings,
        booking_window_in_days: c.booking_window_in_days,
        maximum_duration_in_minutes: c.maximum_duration_in_minutes,
        add_organizer_to_subject: c.add_organizer_to_subject,
        delete_comments: c.delete_comments,
        delete_subject: c.delete_subject,
        process_external_meeting_messages: c.process_external_meeting_messages,
    })
}

pub(super) fn folders(loc: &Loc<'_>, list: &[FolderDto], accounts: &Accounts) -> Result<Vec<Folder>, SchemaError> {
    let mut folders: Vec<Folder> = Vec::with_capacity(list.len());
    for (j, f) in list.iter().enumerate() {
        let floc = loc.named(j, &f.path);
        if folders.iter().any(|x| x.path.eq_ignore_ascii_case(&f.path)) {
            return Err(err_at(&floc, format!("folder '{}' appears twice", f.path)));
        }
        let ploc = floc.key("permissions");
        let mut permissions = Vec::with_capacity(f.permissions.len());
        for (k, a) in f.permissions.iter().enumerate() {
            let aloc = ploc.at(k);
            permissions.push(FolderAce {
                user: parse_folder_user(&aloc.key("user"), &a.user, accounts)?,
                rights: parse_folder_rights(&aloc.key("rights"), &a.rights)?,
                sharing_flags: parse_flags(&aloc.key("sharingFlags"), &a.sharing_flags, SHARING_FLAGS, "sharing flag")?,
            });
        }
        folders.push(Folder { path: f.path.clone(), permissions });
    }
    Ok(folders)
}

pub(super) fn ad_acl(loc: &Loc<'_>, aces: &[AdAceDto], accounts: &Accounts) -> Result<Vec<AdAce>, SchemaError> {
    let mut out = Vec::with_capacity(aces.len());
    for (j, a) in aces.iter().enumerate() {
        let aloc = loc.at(j);
        let sid = accounts.trustee(&aloc.key("trustee"), &a.trustee)?;
        let mut extended_rights = Vec::with_capacity(a.extended_rights.len());
        let xloc = aloc.key("extendedRights");
        for (k, x) in a.extended_rights.iter().enumerate() {
            non_empty(&xloc.at(k), x)?;
            // Known rights are stored by schema name; other AD extended rights are kept as written.
            extended_rights.push(rights::ad::extended_right_name(x).map(str::to_string).unwrap_or_else(|| x.clone()));
        }
        let ploc = aloc.key("properties");
        for (k, p) in a.properties.iter().enumerate() {
            non_empty(&ploc.at(k), p)?;
        }
        out.push(AdAce {
            sid,
            rights: parse_flags(&aloc.key("rights"), &a.rights, rights::ad::MEMBERS, "AD right")?,
            extended_rights,
            properties: a.properties.clone(),
            deny: a.deny,
            inheritance: parse_inheritance(&aloc.key("inheritance"), &a.inheritance)?,
            inherited: a.inherited,
        });
    }
    Ok(out)
}

pub(super) fn non_empty(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
    if s.trim().is_empty() { Err(err_at(loc, "must not be empty")) } else { Ok(()) }
}

pub(super) fn guid_field(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
    let mut lens = [0usize; 5];
    let mut groups = 0;
    for g in s.split('-') {
        if groups == 5 || !g.bytes().all(|c| c.is_ascii_hexdigit()) {
            groups = 6;
            break;
        }
        lens[groups] = g.len();
        groups += 1;
    }
    if groups == 5 && lens == [8, 4, 4, 4, 12] {
        Ok(())
    } else {
        Err(err_at(loc, format!("'{s}' is not a Guid (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")))
    }
}

pub(super) fn is_sid(s: &str) -> bool {
    s.strip_prefix("S-1-").is_some_and(|rest| {
        !rest.is_empty() && rest.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })
}

pub(super) fn sid_field(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
    if is_sid(s) { Ok(()) } else { Err(err_at(loc, format!("'{s}' is not a SID (expected S-1-…)"))) }
}

pub(super) fn parse_inheritance(loc: &Loc<'_>, s: &str) -> Result<Inheritance, SchemaError> {
    Inheritance::from_name(s.trim()).ok_or_else(|| {
        let known: Vec<&str> = Inheritance::MEMBERS.iter().map(|(n, _)| *n).collect();
        err_at(loc, format!("unknown inheritance '{s}' (expected one of {})", known.join(", ")))
    })
}

pub(super) fn parse_hex(s: &str) -> Option<u64> {
    let t = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    u64::from_str_radix(t, 16).ok()
}

pub(super) fn parse_flags(
    loc: &Loc<'_>,
    names: &[String],
    members: &[(&str, u64)],
    what: &str,
) -> Result<u64, SchemaError> {
    let mut bits = 0;
    for (i, n) in names.iter().enumerate() {
        let t = n.trim();
        let v = members
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(t))
            .map(|(_, v)| *v)
            .or_else(|| parse_hex(t))
            .ok_or_else(|| {
                let known: Vec<&str> = members.iter().map(|(m, _)| *m).collect();
                err_at(&loc.at(i), format!("unknown {what} '{n}' (expected one of {})", known.join(", ")))
            })?;
        bits |= v;
    }
    Ok(bits)
}

pub(super) fn parse_folder_rights(loc: &Loc<'_>, names: &[String]) -> Result<u64, SchemaError> {
    let mut bits = 0;
    for (i, n) in names.iter().enumerate() {
        let t = n.trim();
        let v = rights::folder::ROLES
            .iter()
            .chain(rights::folder::RIGHTS.iter())
            .find(|(m, _)| m.eq_ignore_ascii_case(t))
            .map(|(_, v)| *v)
            .or_else(|| parse_hex(t))
            .ok_or_else(|| {
                let known: Vec<&str> =
                    rights::folder::ROLES.iter().chain(rights::folder::RIGHTS.iter()).map(|(m, _)| *m).collect();
                err_at(&loc.at(i), format!("unknown folder right '{n}' (expected one of {})", known.join(", ")))
            })?;
        bits |= v;
    }
    Ok(bits)
}

pub(super) fn parse_folder_user(loc: &Loc<'_>, s: &str, accounts: &Accounts) -> Result<FolderUser, SchemaError> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("Default") {
        Ok(FolderUser::Default)
    } else if t.eq_ignore_ascii_case("Anonymous") {
        Ok(FolderUser::Anonymous)
    } else if t.contains('@') {
        Ok(FolderUser::External(t.to_string()))
    } else {
        accounts.trustee(loc, t).map(FolderUser::Sid).map_err(|_| {
            err_at(
                loc,
                format!(
                    "'{s}' is not a folder user (expected Default, Anonymous, a SID S-1-…, \
                     an account such as CONTOSO\\karen, or an SMTP address)"
                ),
            )
        })
    }
}

/// NT account names (`NT AUTHORITY\SELF`, `CONTOSO\karen`) of the file's principals and
/// recipients, so a hand-edited trustee may name an account instead of its SID. Collected only
/// when some trustee or folder user is not a SID (files exsh writes have none).
pub(super) struct Accounts {
    by_name: HashMap<String, String>,
}

impl Accounts {
    pub(super) fn new(dto: &OrgFileDto) -> Accounts {
        let mut by_name = HashMap::new();
        if !names_accounts(dto) {
            return Accounts { by_name };
        }
        for p in &dto.principals {
            by_name.insert(p.account.to_lowercase(), p.sid.clone());
        }
        for r in &dto.recipients {
            if let Some(sid) = &r.sid {
                let account = format!("{}\\{}", dto.organization.netbios, r.alias);
                by_name.insert(account.to_lowercase(), sid.clone());
            }
        }
        Accounts { by_name }
    }

    pub(super) fn by_name(&self) -> &HashMap<String, String> {
        &self.by_name
    }

    /// The SID a trustee names: a SID as written, or the SID of an account in this file.
    fn trustee(&self, loc: &Loc<'_>, s: &str) -> Result<String, SchemaError> {
        let t = s.trim();
        if is_sid(t) {
            return Ok(t.to_string());
        }
        self.by_name().get(&t.to_lowercase()).cloned().ok_or_else(|| {
            err_at(loc, format!("'{s}' is neither a SID (S-1-…) nor an account in this file (such as CONTOSO\\karen)"))
        })
    }
}

/// True when some trustee or folder user of the file is written as an account name.
pub(super) fn names_accounts(dto: &OrgFileDto) -> bool {
    let account = |t: &str| !is_sid(t.trim());
    let ad = |list: &[AdAceDto]| list.iter().any(|a| account(&a.trustee));
    dto.databases.iter().any(|d| ad(&d.ad_permissions))
        || dto.recipients.iter().any(|r| {
            r.mailbox_permissions.iter().flatten().any(|a| account(&a.trustee))
                || r.ad_permissions.as_deref().is_some_and(ad)
                || r.folders.iter().flatten().flat_map(|f| &f.permissions).any(|a| {
                    let u = a.user.trim();
                    !u.eq_ignore_ascii_case("Default")
                        && !u.eq_ignore_ascii_case("Anonymous")
                        && !u.contains('@')
                        && account(u)
                })
        })
}
