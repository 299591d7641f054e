//! The org file's on-disk schema: the only serde types in exsh, and their conversions to and
//! from [`Directory`].
//!
//! The DTOs mirror the directory model field by field, with readable names: enums and rights are
//! written as their Exchange names (`"UserMailbox"`, `["FullAccess", "ReadPermission"]`), so the
//! file can be read, diffed and hand-edited. Decoding validates everything (enum names, right
//! names, unique Guids and SIDs, references between objects) and reports the first problem with
//! its location in the file (`recipients[1] (Karen Berg).database`); it never panics.
//! This module does no I/O; `store` reads and writes the bytes.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use super::defaults::{Compact, Defaults};
use crate::directory::rights;
use crate::directory::{
    AdAce, Database, Directory, ExchangeVersion, Folder, FolderAce, FolderUser, Inheritance, MailboxAce, OrgInfo,
    Principal, Recipient, RecipientKind,
};

/// The schema version this exsh writes and reads.
pub const SCHEMA_VERSION: u64 = 1;

/// `SharingPermissionFlags` names and bits (Exchange Online calendar delegates).
pub(super) const SHARING_FLAGS: &[(&str, u64)] = rights::sharing::FLAGS;

/// Why an org file's content cannot be turned into a [`Directory`]: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// Where in the file, as a path of keys and indexes (`recipients[1] (Karen Berg).database`);
    /// empty for the whole file.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

impl std::error::Error for SchemaError {}

fn err(location: &str, message: impl Into<String>) -> SchemaError {
    SchemaError { location: location.to_string(), message: message.into() }
}

// ---------------------------------------------------------------------------------------------
// DTOs. Field order is the order keys appear in the file.
// ---------------------------------------------------------------------------------------------

/// The whole org file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrgFileDto {
    /// Always [`SCHEMA_VERSION`] when written by this exsh.
    pub schema_version: u64,
    /// Organization facts.
    pub organization: OrgDto,
    /// Mailbox databases.
    #[serde(default)]
    pub databases: Vec<DatabaseDto>,
    /// Built-in and non-mail security principals.
    #[serde(default)]
    pub principals: Vec<PrincipalDto>,
    /// Recipients in creation order.
    #[serde(default)]
    pub recipients: Vec<RecipientDto>,
}

/// [`OrgInfo`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrgDto {
    /// Organization name.
    pub name: String,
    /// Exchange version profile name (`Exchange2019`).
    pub version: String,
    /// DNS domain.
    pub domain: String,
    /// NetBIOS domain.
    pub netbios: String,
    /// Domain SID.
    pub domain_sid: String,
    /// Exchange server name.
    pub server: String,
    /// Domain controller FQDN.
    pub domain_controller: String,
    /// Next RID for a new account.
    pub next_rid: u32,
}

/// [`Database`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DatabaseDto {
    /// Name.
    pub name: String,
    /// Guid.
    pub guid: String,
    /// Server name.
    pub server: String,
    /// AD permissions on the database object.
    #[serde(default)]
    pub ad_permissions: Vec<AdAceDto>,
}

/// [`Principal`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrincipalDto {
    /// NT account name.
    pub account: String,
    /// Name.
    pub name: String,
    /// SID.
    pub sid: String,
    /// True for groups.
    #[serde(default)]
    pub is_group: bool,
    /// Members: recipient Guids or principal SIDs.
    #[serde(default)]
    pub members: Vec<String>,
}

/// [`Recipient`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecipientDto {
    /// Name.
    pub name: String,
    /// Alias.
    pub alias: String,
    /// RecipientTypeDetails name.
    pub recipient_type_details: String,
    /// DisplayName.
    #[serde(default)]
    pub display_name: String,
    /// FirstName.
    #[serde(default)]
    pub first_name: String,
    /// LastName.
    #[serde(default)]
    pub last_name: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Department.
    #[serde(default)]
    pub department: String,
    /// Guid.
    pub guid: String,
    /// ExchangeGuid.
    #[serde(default)]
    pub exchange_guid: Option<String>,
    /// SID.
    #[serde(default)]
    pub sid: Option<String>,
    /// UserPrincipalName.
    #[serde(default)]
    pub user_principal_name: Option<String>,
    /// PrimarySmtpAddress.
    pub primary_smtp_address: String,
    /// EmailAddresses.
    #[serde(default)]
    pub email_addresses: Vec<String>,
    /// ExternalEmailAddress.
    #[serde(default)]
    pub external_email_address: Option<String>,
    /// Database name.
    #[serde(default)]
    pub database: Option<String>,
    /// AccountDisabled.
    #[serde(default)]
    pub account_disabled: bool,
    /// HiddenFromAddressListsEnabled.
    #[serde(default)]
    pub hidden_from_address_lists_enabled: bool,
    /// Group members (recipient Guids).
    #[serde(default)]
    pub members: Vec<String>,
    /// ManagedBy (recipient Guids), groups only; omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_by: Vec<String>,
    /// GrantSendOnBehalfTo (recipient Guids).
    #[serde(default)]
    pub grant_send_on_behalf_to: Vec<String>,
    /// Auto-mapping users (recipient Guids).
    #[serde(default)]
    pub delegate_list_link: Vec<String>,
    /// Mailboxes only: whether loading adds the version's default entries and folders the file
    /// leaves out (see `docs/org-file.md`); written only when false.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub defaults: bool,
    /// Mailbox permissions (for a mailbox: missing means the version's defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailbox_permissions: Option<Vec<MailboxAceDto>>,
    /// AD permissions on the recipient's object (for a mailbox: missing means the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_permissions: Option<Vec<AdAceDto>>,
    /// Folders (for a mailbox: the folders that differ from the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folders: Option<Vec<FolderDto>>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// [`MailboxAce`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MailboxAceDto {
    /// Trustee SID.
    pub trustee: String,
    /// MailboxRights names.
    pub rights: Vec<String>,
    /// Deny entry.
    #[serde(default)]
    pub deny: bool,
    /// Inheritance name.
    #[serde(default = "default_inheritance")]
    pub inheritance: String,
    /// Inherited.
    #[serde(default)]
    pub inherited: bool,
}

/// [`AdAce`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdAceDto {
    /// Trustee SID.
    pub trustee: String,
    /// ActiveDirectoryRights names.
    #[serde(default)]
    pub rights: Vec<String>,
    /// Extended rights by schema name (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extended_rights: Vec<String>,
    /// Properties (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<String>,
    /// Deny entry.
    #[serde(default)]
    pub deny: bool,
    /// Inheritance name.
    #[serde(default = "default_inheritance")]
    pub inheritance: String,
    /// Inherited.
    #[serde(default)]
    pub inherited: bool,
}

/// [`Folder`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FolderDto {
    /// Folder path, empty for the root.
    pub path: String,
    /// Permission entries.
    #[serde(default)]
    pub permissions: Vec<FolderAceDto>,
}

/// [`FolderAce`] on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FolderAceDto {
    /// `Default`, `Anonymous`, a SID (`S-1-…`) or an external SMTP address.
    pub user: String,
    /// Role or right names.
    pub rights: Vec<String>,
    /// SharingPermissionFlags names (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing_flags: Vec<String>,
}

fn default_inheritance() -> String {
    "All".to_string()
}

/// The `schemaVersion` of a file, read before the rest so that a newer file is reported as such
/// rather than as a pile of unknown fields. Only a JSON object is accepted; other keys are skipped.
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

impl<'de> Deserialize<'de> for VersionProbe {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = VersionProbe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object (an exsh org file)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<VersionProbe, A::Error> {
                let mut schema_version = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "schemaVersion" {
                        schema_version = Some(map.next_value::<serde_json::Value>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(VersionProbe { schema_version })
            }
        }
        d.deserialize_map(V)
    }
}

/// What reading the `schemaVersion` of a file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionCheck {
    /// The version this exsh reads.
    Supported,
    /// No `schemaVersion` key.
    Missing,
    /// Present but not a non-negative integer.
    NotANumber(String),
    /// Another version.
    Unsupported(u64),
}

/// Reads only the `schemaVersion` of an org file's bytes (the rest is skipped, not validated).
pub fn probe_version(bytes: &[u8]) -> Result<VersionCheck, serde_json::Error> {
    let probe: VersionProbe = serde_json::from_slice(bytes)?;
    Ok(match probe.schema_version {
        None => VersionCheck::Missing,
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(SCHEMA_VERSION) => VersionCheck::Supported,
            Some(v) => VersionCheck::Unsupported(v),
            None => VersionCheck::NotANumber(n.to_string()),
        },
        Some(other) => VersionCheck::NotANumber(other.to_string()),
    })
}

// ---------------------------------------------------------------------------------------------
// Encoding: Directory -> DTO -> bytes.
// ---------------------------------------------------------------------------------------------

/// The DTO of a directory. Infallible: every value the model can hold has a spelling.
/// Mailboxes are written in the compact form (see [`super::defaults`]).
pub fn to_dto(dir: &Directory) -> OrgFileDto {
    let defaults = Defaults::of(&dir.org);
    OrgFileDto {
        schema_version: SCHEMA_VERSION,
        organization: OrgDto {
            name: dir.org.name.clone(),
            version: dir.org.version.profile_name().to_string(),
            domain: dir.org.domain.clone(),
            netbios: dir.org.netbios.clone(),
            domain_sid: dir.org.domain_sid.clone(),
            server: dir.org.server.clone(),
            domain_controller: dir.org.domain_controller.clone(),
            next_rid: dir.org.next_rid,
        },
        databases: dir
            .databases
            .iter()
            .map(|d| DatabaseDto {
                name: d.name.clone(),
                guid: d.guid.clone(),
                server: d.server.clone(),
                ad_permissions: d.ad_acl.iter().map(ad_ace_dto).collect(),
            })
            .collect(),
        principals: dir
            .principals
            .iter()
            .map(|p| PrincipalDto {
                account: p.account.clone(),
                name: p.name.clone(),
                sid: p.sid.clone(),
                is_group: p.is_group,
                members: p.members.clone(),
            })
            .collect(),
        recipients: dir
            .recipients
            .iter()
            .map(|r| recipient_dto(r, if r.kind.is_mailbox() { defaults.compact(r) } else { Compact::full(r) }))
            .collect(),
    }
}

fn recipient_dto(r: &Recipient, compact: Compact<'_>) -> RecipientDto {
    RecipientDto {
        name: r.name.clone(),
        alias: r.alias.clone(),
        recipient_type_details: r.kind.details_name().to_string(),
        display_name: r.display_name.clone(),
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        title: r.title.clone(),
        department: r.department.clone(),
        guid: r.guid.clone(),
        exchange_guid: r.exchange_guid.clone(),
        sid: r.sid.clone(),
        user_principal_name: r.upn.clone(),
        primary_smtp_address: r.primary_smtp.clone(),
        email_addresses: r.email_addresses.clone(),
        external_email_address: r.external_email.clone(),
        database: r.database.clone(),
        account_disabled: r.account_disabled,
        hidden_from_address_lists_enabled: r.hidden,
        members: r.members.clone(),
        managed_by: r.managed_by.clone(),
        grant_send_on_behalf_to: r.grant_send_on_behalf_to.clone(),
        delegate_list_link: r.delegate_list_link.clone(),
        defaults: compact.defaults,
        mailbox_permissions: compact.mailbox_acl.map(|acl| {
            acl.iter()
                .map(|a| MailboxAceDto {
                    trustee: a.sid.clone(),
                    rights: flag_names(a.rights, rights::mailbox::MEMBERS),
                    deny: a.deny,
                    inheritance: inheritance_name(a.inheritance).to_string(),
                    inherited: a.inherited,
                })
                .collect()
        }),
        ad_permissions: compact.ad_acl.map(|acl| acl.iter().map(ad_ace_dto).collect()),
        folders: compact.folders.map(|folders| {
            folders
                .into_iter()
                .map(|f| FolderDto {
                    path: f.path.clone(),
                    permissions: f
                        .permissions
                        .iter()
                        .map(|a| FolderAceDto {
                            user: folder_user_text(&a.user),
                            rights: folder_right_names(a.rights),
                            sharing_flags: flag_names(a.sharing_flags, SHARING_FLAGS),
                        })
                        .collect(),
                })
                .collect()
        }),
    }
}

fn ad_ace_dto(a: &AdAce) -> AdAceDto {
    AdAceDto {
        trustee: a.sid.clone(),
        rights: flag_names(a.rights, rights::ad::MEMBERS),
        extended_rights: a.extended_rights.clone(),
        properties: a.properties.clone(),
        deny: a.deny,
        inheritance: inheritance_name(a.inheritance).to_string(),
        inherited: a.inherited,
    }
}

pub(super) fn inheritance_name(i: Inheritance) -> &'static str {
    i.name()
}

fn folder_user_text(u: &FolderUser) -> String {
    match u {
        FolderUser::Default => "Default".to_string(),
        FolderUser::Anonymous => "Anonymous".to_string(),
        FolderUser::Sid(s) | FolderUser::External(s) => s.clone(),
    }
}

/// Names for flag bits, the way .NET's `[Flags]` `ToString` picks them: members taken from the
/// largest value down whenever all their bits are still unclaimed, then listed in ascending value
/// order. Bits no member covers are written as one hex number (`0x8`), so nothing is lost.
pub fn flag_names(bits: u64, members: &'static [(&'static str, u64)]) -> Vec<String> {
    flag_name_list(bits, members).into_iter().map(Cow::into_owned).collect()
}

/// [`flag_names`] without copying the names.
pub(super) fn flag_name_list(bits: u64, members: &'static [(&'static str, u64)]) -> Vec<Cow<'static, str>> {
    let mut taken: Vec<(&'static str, u64)> = Vec::new();
    let mut remaining = bits;
    // Largest value first; ties keep the table order.
    let mut order: Vec<&(&'static str, u64)> = members.iter().filter(|(_, v)| *v != 0).collect();
    order.sort_by_key(|m| std::cmp::Reverse(m.1));
    for (n, v) in order {
        if remaining & v == *v {
            remaining &= !v;
            taken.push((n, *v));
        }
    }
    taken.sort_by_key(|(_, v)| *v);
    let mut names: Vec<Cow<'static, str>> = taken.into_iter().map(|(n, _)| Cow::Borrowed(n)).collect();
    if remaining != 0 {
        names.push(Cow::Owned(format!("{remaining:#x}")));
    }
    names
}

/// Folder rights as names: one role when the bits are exactly a role, else the individual rights
/// plus, for calendar free/busy bits, the role they form (`AvailabilityOnly`, `LimitedDetails`).
pub fn folder_right_names(bits: u64) -> Vec<String> {
    folder_right_name_list(bits).into_iter().map(Cow::into_owned).collect()
}

/// [`folder_right_names`] without copying the names.
pub(super) fn folder_right_name_list(bits: u64) -> Vec<Cow<'static, str>> {
    if let Some((n, _)) = rights::folder::ROLES.iter().find(|(_, v)| *v == bits) {
        return vec![Cow::Borrowed(*n)];
    }
    let mut remaining = bits;
    let mut names = Vec::new();
    for (n, v) in rights::folder::RIGHTS {
        if remaining & v == *v {
            remaining &= !v;
            names.push(Cow::Borrowed(*n));
        }
    }
    if remaining != 0 {
        match rights::folder::ROLES.iter().find(|(_, v)| *v == remaining) {
            Some((n, _)) => names.push(Cow::Borrowed(*n)),
            None => names.push(Cow::Owned(format!("{remaining:#x}"))),
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------
// Decoding: DTO -> Directory, with validation.
// ---------------------------------------------------------------------------------------------

/// A place in the file (`recipients[1] (Karen Berg).mailboxPermissions[0].rights`), built as a
/// chain on the stack and only spelled out when there is an error to report.
#[derive(Debug, Clone, Copy)]
enum Loc<'a> {
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
    fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc::Key(self, key)
    }

    fn at(&'a self, i: usize) -> Loc<'a> {
        Loc::Index(self, i)
    }

    fn named(&'a self, i: usize, name: &'a str) -> Loc<'a> {
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

fn err_at(loc: &Loc<'_>, message: impl Into<String>) -> SchemaError {
    SchemaError { location: loc.to_string(), message: message.into() }
}

/// Lower-cased (ASCII) Guids and upper-cased SIDs in use, for the uniqueness and reference
/// checks; the value says whether the Guid is a recipient's.
type Seen = HashMap<String, bool>;

/// Converts a DTO to a directory, checking every name and reference. The DTO's `schemaVersion`
/// is checked by the caller (see [`probe_version`]). Mailboxes get back the default entries the
/// file leaves out (see [`super::defaults`]).
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
    let org = OrgInfo {
        name: o.name,
        domain: o.domain,
        netbios: o.netbios,
        domain_sid: o.domain_sid,
        server: o.server,
        domain_controller: o.domain_controller,
        version,
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
        databases.push(Database { name: d.name.clone(), guid: d.guid.clone(), server: d.server.clone(), ad_acl });
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
        recipients.push(rec);
    }

    // References between recipients, checked once every Guid is known.
    let is_recipient = |g: &str| guids.get(&g.to_ascii_lowercase()).copied().unwrap_or(false);
    for (i, r) in recipients.iter().enumerate() {
        for (key, list) in [
            ("members", &r.members),
            ("managedBy", &r.managed_by),
            ("grantSendOnBehalfTo", &r.grant_send_on_behalf_to),
            ("delegateListLink", &r.delegate_list_link),
        ] {
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

fn recipient(
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
    })
}

fn folders(loc: &Loc<'_>, list: &[FolderDto], accounts: &Accounts) -> Result<Vec<Folder>, SchemaError> {
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

fn ad_acl(loc: &Loc<'_>, aces: &[AdAceDto], accounts: &Accounts) -> Result<Vec<AdAce>, SchemaError> {
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

fn non_empty(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
    if s.trim().is_empty() { Err(err_at(loc, "must not be empty")) } else { Ok(()) }
}

fn guid_field(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
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

fn is_sid(s: &str) -> bool {
    s.strip_prefix("S-1-").is_some_and(|rest| {
        !rest.is_empty() && rest.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })
}

fn sid_field(loc: &Loc<'_>, s: &str) -> Result<(), SchemaError> {
    if is_sid(s) { Ok(()) } else { Err(err_at(loc, format!("'{s}' is not a SID (expected S-1-…)"))) }
}

fn parse_inheritance(loc: &Loc<'_>, s: &str) -> Result<Inheritance, SchemaError> {
    Inheritance::from_name(s.trim()).ok_or_else(|| {
        let known: Vec<&str> = Inheritance::MEMBERS.iter().map(|(n, _)| *n).collect();
        err_at(loc, format!("unknown inheritance '{s}' (expected one of {})", known.join(", ")))
    })
}

fn parse_hex(s: &str) -> Option<u64> {
    let t = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    u64::from_str_radix(t, 16).ok()
}

fn parse_flags(loc: &Loc<'_>, names: &[String], members: &[(&str, u64)], what: &str) -> Result<u64, SchemaError> {
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

fn parse_folder_rights(loc: &Loc<'_>, names: &[String]) -> Result<u64, SchemaError> {
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

fn parse_folder_user(loc: &Loc<'_>, s: &str, accounts: &Accounts) -> Result<FolderUser, SchemaError> {
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
struct Accounts {
    by_name: HashMap<String, String>,
}

impl Accounts {
    fn new(dto: &OrgFileDto) -> Accounts {
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

    fn by_name(&self) -> &HashMap<String, String> {
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
fn names_accounts(dto: &OrgFileDto) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Bytes.
// ---------------------------------------------------------------------------------------------

/// Why bytes could not be decoded into a directory.
#[derive(Debug)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape (unknown key, wrong type); serde's error carries the
    /// line and column.
    Json(serde_json::Error),
    /// No `schemaVersion` key.
    MissingVersion,
    /// `schemaVersion` is not a non-negative integer (its JSON text).
    BadVersion(String),
    /// A schema version this exsh does not read.
    UnsupportedVersion(u64),
    /// Valid JSON of the right shape, but a name or reference is wrong.
    Schema(SchemaError),
}

/// Decodes an org file's bytes: checks `schemaVersion` first, then the shape, then the content.
pub fn decode(bytes: &[u8]) -> Result<Directory, DecodeError> {
    // One pass when the file is well-formed; the version probe only classifies a failure, so a
    // file from a newer exsh is reported as such rather than as unknown keys.
    let parsed = serde_json::from_slice::<OrgFileDto>(bytes);
    let version = match &parsed {
        Ok(dto) if dto.schema_version == SCHEMA_VERSION => VersionCheck::Supported,
        Ok(dto) => VersionCheck::Unsupported(dto.schema_version),
        Err(_) => probe_version(bytes).map_err(DecodeError::Json)?,
    };
    match version {
        VersionCheck::Supported => {}
        VersionCheck::Missing => return Err(DecodeError::MissingVersion),
        VersionCheck::NotANumber(t) => return Err(DecodeError::BadVersion(t)),
        VersionCheck::Unsupported(v) => return Err(DecodeError::UnsupportedVersion(v)),
    }
    from_dto_owned(parsed.map_err(DecodeError::Json)?).map_err(DecodeError::Schema)
}

/// Files up to this size are read back in full after encoding, as a last check; bigger ones are
/// checked with [`validate`] only, since reading back costs more than the rest of a save.
pub const READ_BACK_LIMIT: usize = 1 << 20;

/// Encodes a directory as the org file's bytes: pretty-printed JSON in a fixed key order, with
/// short lists and permission entries on one line (see [`super::json`]), ending in a newline;
/// mailboxes in the compact form (see [`super::defaults`]). Fails only if the result would not
/// decode (a model value with no valid spelling, a duplicate Guid or SID, a reference to a
/// missing recipient), so a file this function produced can always be read back.
pub fn encode(dir: &Directory) -> Result<Vec<u8>, SchemaError> {
    validate(dir)?;
    let text = super::writer::render(dir);
    if text.len() <= READ_BACK_LIMIT {
        decode(text.as_bytes()).map_err(|e| match e {
            DecodeError::Schema(e) => e,
            other => err("", format!("cannot encode the organization: {other:?}")),
        })?;
    }
    Ok(text.into_bytes())
}

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
    }
    let is_recipient = |g: &str| guids.get(&g.to_ascii_lowercase()).copied().unwrap_or(false);
    for (i, r) in dir.recipients.iter().enumerate() {
        for (key, list) in [
            ("members", &r.members),
            ("managedBy", &r.managed_by),
            ("grantSendOnBehalfTo", &r.grant_send_on_behalf_to),
            ("delegateListLink", &r.delegate_list_link),
        ] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_refuses_what_reading_would_refuse() {
        let good = Directory::sample(ExchangeVersion::Exchange2019);
        assert_eq!(validate(&good), Ok(()));
        type Edit = fn(&mut Directory);
        let damage: Vec<(&str, Edit)> = vec![
            ("recipients[2] (Michelle Dubois).guid: Guid", |d| d.recipients[2].guid = d.recipients[1].guid.clone()),
            ("recipients[3] (Amy Alberts).sid: SID", |d| d.recipients[3].sid = Some(d.principals[0].sid.clone())),
            ("recipients[4] (John Evans).database: no database", |d| d.recipients[4].database = Some("DB9".into())),
            ("recipients[1] (Karen Berg).alias: must not", |d| d.recipients[1].alias = " ".into()),
            ("recipients[1] (Karen Berg).exchangeGuid: 'x' is not", |d| {
                d.recipients[1].exchange_guid = Some("x".into())
            }),
            ("recipients[11] (All Staff).members[6]: no recipient", |d| d.recipients[11].members.push("y".into())),
            ("recipients[1] (Karen Berg).mailboxPermissions[0].trustee", |d| {
                d.recipients[1].mailbox_acl[0].sid = "me".into()
            }),
            ("recipients[1] (Karen Berg).adPermissions[0].extendedRights[0]", |d| {
                d.recipients[1].ad_acl[0].extended_rights[0] = String::new()
            }),
            ("recipients[1] (Karen Berg).folders[2] (INBOX) : folder", |d| {
                d.recipients[1].folders[2].path = "INBOX".into()
            }),
            ("recipients[2] (Michelle Dubois).folders[1] (Inbox).permissions[0].user", |d| {
                d.recipients[2].folders[1].permissions[0].user = FolderUser::External("nobody".into())
            }),
            ("principals[0] (NT AUTHORITY\\SELF).members: only", |d| d.principals[0].members.push("z".into())),
            ("databases[1] (db01): a second", |d| d.databases[1].name = "db01".into()),
        ];
        for (expect, edit) in damage {
            let mut d = good.clone();
            edit(&mut d);
            let e = validate(&d).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(e.starts_with(&expect.replace(" : ", ": ")), "{expect}: {e}");
            // Reading the file written without the check refuses it too.
            let text = super::super::writer::render(&d);
            assert!(decode(text.as_bytes()).is_err(), "{expect}");
            assert!(encode(&d).is_err(), "{expect}");
        }
    }

    #[test]
    fn mailbox_rights_names_round_trip() {
        let bits = rights::mailbox::FULL_ACCESS | rights::mailbox::READ_PERMISSION;
        let names = flag_names(bits, rights::mailbox::MEMBERS);
        assert_eq!(names, ["FullAccess", "ReadPermission"]);
        assert_eq!(parse_flags(&Loc::Root("x"), &names, rights::mailbox::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn ad_composites_are_named_like_dotnet() {
        assert_eq!(flag_names(rights::ad::GENERIC_ALL, rights::ad::MEMBERS), ["GenericAll"]);
        let bits = rights::ad::GENERIC_READ | rights::ad::WRITE_PROPERTY;
        let names = flag_names(bits, rights::ad::MEMBERS);
        assert_eq!(names, ["WriteProperty", "GenericRead"]);
        assert_eq!(parse_flags(&Loc::Root("x"), &names, rights::ad::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn unnamed_bits_survive_as_hex() {
        let bits = rights::mailbox::FULL_ACCESS | 0x8 | 0x100;
        let names = flag_names(bits, rights::mailbox::MEMBERS);
        assert_eq!(names, ["FullAccess", "0x108"]);
        assert_eq!(parse_flags(&Loc::Root("x"), &names, rights::mailbox::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn folder_rights_use_roles_when_exact() {
        assert_eq!(folder_right_names(0), ["None"]);
        assert_eq!(folder_right_names(0x47B), ["Editor"]);
        assert_eq!(folder_right_names(rights::folder::FREE_BUSY_SIMPLE), ["AvailabilityOnly"]);
        let mixed = rights::folder::READ_ITEMS | rights::folder::FOLDER_VISIBLE | rights::folder::FREE_BUSY_SIMPLE;
        let names = folder_right_names(mixed);
        assert_eq!(names, ["ReadItems", "FolderVisible", "AvailabilityOnly"]);
        assert_eq!(parse_folder_rights(&Loc::Root("x"), &names), Ok(mixed));
        assert_eq!(parse_folder_rights(&Loc::Root("x"), &["editor".to_string()]), Ok(0x47B));
    }

    #[test]
    fn unknown_names_are_reported_with_location() {
        let e = parse_flags(
            &Loc::Root("acl[0].rights"),
            &["FullAcess".to_string()],
            rights::mailbox::MEMBERS,
            "mailbox right",
        );
        let e = e.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.starts_with("acl[0].rights[0]: unknown mailbox right 'FullAcess' (expected one of FullAccess,"),
            "{e}"
        );
        assert!(parse_inheritance(&Loc::Root("i"), "Sideways").is_err());
        assert_eq!(parse_inheritance(&Loc::Root("i"), "descendents"), Ok(Inheritance::Descendents));
    }

    #[test]
    fn folder_users_parse() {
        let mut dto = to_dto(&Directory::sample(ExchangeVersion::Exchange2019));
        dto.principals.clear();
        // Files whose trustees are all SIDs need no account names.
        assert!(!names_accounts(&dto) && Accounts::new(&dto).by_name().is_empty());
        let mut db = dto.clone();
        db.databases[0].ad_permissions[0].trustee = "CONTOSO\\Domain Admins".into();
        assert!(names_accounts(&db));
        let mut ad = dto.clone();
        ad.recipients[2].ad_permissions =
            Some(vec![AdAceDto { trustee: "CONTOSO\\karen".into(), ..db.databases[0].ad_permissions[0].clone() }]);
        assert!(names_accounts(&ad));
        let folders = dto.recipients[1].folders.get_or_insert_with(Vec::new);
        folders.push(FolderDto {
            path: "Calendar".into(),
            permissions: vec![FolderAceDto { user: "contoso\\KAREN".into(), rights: vec![], sharing_flags: vec![] }],
        });
        assert!(names_accounts(&dto));
        let accounts = Accounts::new(&dto);
        let parse_folder_user = |s: &str| super::parse_folder_user(&Loc::Root("u"), s, &accounts);
        assert_eq!(parse_folder_user("default"), Ok(FolderUser::Default));
        assert_eq!(parse_folder_user("Anonymous"), Ok(FolderUser::Anonymous));
        assert_eq!(parse_folder_user("S-1-5-21-1-2-3-1105"), Ok(FolderUser::Sid("S-1-5-21-1-2-3-1105".into())));
        assert_eq!(parse_folder_user("bob@fabrikam.com"), Ok(FolderUser::External("bob@fabrikam.com".into())));
        assert!(parse_folder_user("karen").is_err());
        let karen = "S-1-5-21-3623811015-3361044348-30300820-1105";
        assert_eq!(parse_folder_user("CONTOSO\\Karen"), Ok(FolderUser::Sid(karen.into())));
    }

    #[test]
    fn locations_spell_out_only_on_error() {
        let root = Loc::Root("recipients");
        let r = root.named(1, "Karen Berg");
        let f = r.key("folders");
        let f = f.named(2, "Inbox\\Projects");
        let p = f.key("permissions");
        assert_eq!(
            p.at(0).key("user").to_string(),
            "recipients[1] (Karen Berg).folders[2] (Inbox\\Projects).permissions[0].user"
        );
    }

    #[test]
    fn guid_and_sid_checks() {
        assert!(guid_field(&Loc::Root("g"), "1b5f6c2e-0001-4c1a-9d3e-000000000001").is_ok());
        assert!(guid_field(&Loc::Root("g"), "not-a-guid").is_err());
        assert!(sid_field(&Loc::Root("s"), "S-1-5-10").is_ok());
        assert!(sid_field(&Loc::Root("s"), "S-1-").is_err());
        assert!(sid_field(&Loc::Root("s"), "S-1-5-x").is_err());
    }

    #[test]
    fn damaged_files_give_errors_not_panics() {
        let good = encode(&Directory::sample(ExchangeVersion::Exchange2016)).unwrap_or_default();
        assert!(decode(&good).is_ok());
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut failures = 0;
        for round in 0..120 {
            let mut bytes = good.clone();
            let at = (next() % bytes.len() as u64) as usize;
            match round % 3 {
                0 => bytes.truncate(at),
                1 => bytes[at] = b"{}[],:\"0a-@\\ "[(next() % 13) as usize],
                _ => {
                    bytes.drain(at..(at + 7).min(bytes.len()));
                }
            }
            failures += usize::from(decode(&bytes).is_err());
        }
        // Nearly every damage is caught; none panics (reaching here is the point).
        assert!(failures > 60, "{failures}");
    }

    #[test]
    fn probe_reads_only_the_version() {
        assert_eq!(probe_version(br#"{"schemaVersion": 1, "x": [1]}"#).ok(), Some(VersionCheck::Supported));
        assert_eq!(probe_version(br#"{"schemaVersion": 7}"#).ok(), Some(VersionCheck::Unsupported(7)));
        assert_eq!(probe_version(br#"{"organization": {}}"#).ok(), Some(VersionCheck::Missing));
        assert_eq!(probe_version(br#"{"schemaVersion": "1"}"#).ok(), Some(VersionCheck::NotANumber("\"1\"".into())));
        assert!(probe_version(b"{").is_err());
        assert!(probe_version(b"[1]").is_err());
    }

    /// The sample org of `v` after a run of grants and edits of default entries.
    fn changed_org(v: ExchangeVersion) -> Directory {
        use crate::directory::{Change, MailboxAce, NewRecipient};
        let mut d = Directory::sample(v);
        let guid = |d: &Directory, i: usize| d.recipients[i].guid.clone();
        let sid = |d: &Directory, i: usize| d.recipients[i].sid.clone().unwrap_or_default();
        let ace = |sid: String, deny: bool| MailboxAce {
            sid,
            rights: rights::mailbox::FULL_ACCESS,
            deny,
            inheritance: Inheritance::All,
            inherited: false,
        };
        let reviewer = rights::folder::ROLES.iter().find(|r| r.0 == "Reviewer").map_or(0, |r| r.1);
        let send_as = AdAce {
            sid: sid(&d, 2),
            rights: rights::ad::EXTENDED_RIGHT,
            extended_rights: vec!["Send-As".into()],
            properties: Vec::new(),
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        };
        let self_ace = d.recipients[3].mailbox_acl[0].clone();
        let self_send_as = d.recipients[4].ad_acl[0].clone();
        let new_mailbox = d.build_recipient(&NewRecipient {
            name: "Ben Smith".into(),
            alias: "ben".into(),
            display_name: None,
            first_name: String::new(),
            last_name: String::new(),
            kind: RecipientKind::SharedMailbox,
            database: None,
            external_email: None,
        });
        let changes = vec![
            Change::AddMailboxAce { mailbox: guid(&d, 1), ace: ace(sid(&d, 2), false) },
            Change::AddMailboxAce { mailbox: guid(&d, 1), ace: ace(sid(&d, 5), true) },
            Change::AddMailboxAce { mailbox: guid(&d, 7), ace: ace(sid(&d, 10), false) },
            Change::RemoveMailboxAce { mailbox: guid(&d, 3), ace: self_ace },
            Change::AddAdAce { object: guid(&d, 1), ace: send_as.clone() },
            Change::RemoveAdAce { object: guid(&d, 4), ace: self_send_as },
            Change::AddAdAce { object: "DB01".into(), ace: send_as },
            Change::SetFolderAce {
                mailbox: guid(&d, 2),
                folder: "Calendar".into(),
                ace: FolderAce { user: FolderUser::Default, rights: reviewer, sharing_flags: 0 },
            },
            Change::AddFolderAce {
                mailbox: guid(&d, 1),
                folder: "Inbox\\Projects".into(),
                ace: FolderAce { user: FolderUser::Sid(sid(&d, 2)), rights: reviewer, sharing_flags: 0 },
            },
            Change::AddFolderAce {
                mailbox: guid(&d, 6),
                folder: "Inbox".into(),
                ace: FolderAce { user: FolderUser::External("x@fabrikam.com".into()), rights: 1, sharing_flags: 0 },
            },
            Change::SetGrantSendOnBehalfTo { mailbox: guid(&d, 1), delegates: vec![guid(&d, 2)] },
            Change::SetAutoMapping { mailbox: guid(&d, 7), user: guid(&d, 5), enabled: true },
            Change::AddRecipient { recipient: Box::new(new_mailbox) },
        ];
        for c in &changes {
            if let Err(e) = d.apply(c) {
                panic!("{c:?}: {e}");
            }
        }
        d
    }

    #[test]
    fn orgs_with_grants_and_changed_defaults_round_trip() -> Result<(), Box<dyn std::error::Error>> {
        for v in ExchangeVersion::ALL {
            for d in [Directory::sample(v), changed_org(v)] {
                let bytes = encode(&d)?;
                let back = decode(&bytes).map_err(|e| format!("{e:?}"))?;
                assert_eq!(back, d, "{v:?}");
                assert_eq!(encode(&back)?, bytes, "{v:?}");
            }
        }
        // Only what differs from the defaults is written.
        let text = String::from_utf8(encode(&changed_org(ExchangeVersion::Exchange2019))?)?;
        assert_eq!(text.matches("\"inherited\": true").count(), 12, "the two databases' entries only");
        assert_eq!(text.matches("\"path\": ").count(), 3, "Projects, Michelle's Calendar, David's Inbox");
        assert!(text.contains("\"rights\": [\"Reviewer\"]"));
        assert!(!text.contains("\"defaults\""));
        Ok(())
    }

    #[test]
    fn mailboxes_no_compact_form_expresses_are_written_in_full() -> Result<(), Box<dyn std::error::Error>> {
        let mut d = Directory::sample(ExchangeVersion::Exchange2013);
        d.recipients[2].mailbox_acl.retain(|a| !a.inherited);
        d.recipients[3].folders.remove(5);
        let text = String::from_utf8(encode(&d)?)?;
        assert_eq!(text.matches("\"defaults\": false").count(), 2);
        assert_eq!(decode(text.as_bytes()).map_err(|e| format!("{e:?}"))?, d);
        Ok(())
    }

    #[test]
    fn files_listing_every_default_load_the_same() -> Result<(), Box<dyn std::error::Error>> {
        for v in ExchangeVersion::ALL {
            let d = changed_org(v);
            let mut dto = to_dto(&d);
            dto.recipients = d.recipients.iter().map(|r| recipient_dto(r, Compact::full(r))).collect();
            let text = super::super::json::pretty(&serde_json::to_value(&dto)?);
            assert_eq!(decode(text.as_bytes()).map_err(|e| format!("{e:?}"))?, d, "{v:?}");
            assert!(text.len() > 2 * encode(&d)?.len(), "{v:?}");
        }
        Ok(())
    }

    #[test]
    fn a_default_mailbox_takes_little_room() -> Result<(), Box<dyn std::error::Error>> {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let base = encode(&d)?.len();
        let mut r = d.recipients[2].clone();
        r.guid = "0b16b000-0000-4000-8000-000000000001".into();
        r.exchange_guid = Some("0b16c000-0000-4000-8000-000000000001".into());
        r.sid = Some(d.account_sid(5000));
        r.alias = "someone".into();
        r.upn = Some("someone@contoso.com".into());
        r.primary_smtp = "someone@contoso.com".into();
        r.email_addresses = vec!["SMTP:someone@contoso.com".into()];
        d.recipients.push(r);
        let per_mailbox = encode(&d)?.len() - base;
        assert!(per_mailbox < 1200, "{per_mailbox} bytes");
        Ok(())
    }
}
