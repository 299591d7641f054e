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
use std::collections::HashSet;
use std::fmt;

use crate::directory::rights;
use crate::directory::{
    AdAce, Database, Directory, ExchangeVersion, Folder, FolderAce, FolderUser, Inheritance, MailboxAce, OrgInfo,
    Principal, Recipient, RecipientKind,
};

/// The schema version this exsh writes and reads.
pub const SCHEMA_VERSION: u64 = 1;

/// `SharingPermissionFlags` names and bits (Exchange Online calendar delegates).
const SHARING_FLAGS: &[(&str, u64)] = &[("Delegate", 1), ("CanViewPrivateItems", 2)];

/// `ActiveDirectorySecurityInheritance` names, in enum order.
const INHERITANCE: &[(&str, Inheritance)] = &[
    ("None", Inheritance::None),
    ("All", Inheritance::All),
    ("Descendents", Inheritance::Descendents),
    ("SelfAndChildren", Inheritance::SelfAndChildren),
    ("Children", Inheritance::Children),
];

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
    /// Mailbox permissions.
    #[serde(default)]
    pub mailbox_permissions: Vec<MailboxAceDto>,
    /// AD permissions on the recipient's object.
    #[serde(default)]
    pub ad_permissions: Vec<AdAceDto>,
    /// Folders.
    #[serde(default)]
    pub folders: Vec<FolderDto>,
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
pub fn to_dto(dir: &Directory) -> OrgFileDto {
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
        recipients: dir.recipients.iter().map(recipient_dto).collect(),
    }
}

fn recipient_dto(r: &Recipient) -> RecipientDto {
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
        mailbox_permissions: r
            .mailbox_acl
            .iter()
            .map(|a| MailboxAceDto {
                trustee: a.sid.clone(),
                rights: flag_names(a.rights, rights::mailbox::MEMBERS),
                deny: a.deny,
                inheritance: inheritance_name(a.inheritance).to_string(),
                inherited: a.inherited,
            })
            .collect(),
        ad_permissions: r.ad_acl.iter().map(ad_ace_dto).collect(),
        folders: r
            .folders
            .iter()
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
            .collect(),
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

fn inheritance_name(i: Inheritance) -> &'static str {
    INHERITANCE.iter().find(|(_, v)| *v == i).map(|(n, _)| *n).unwrap_or("All")
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
pub fn flag_names(bits: u64, members: &[(&str, u64)]) -> Vec<String> {
    let mut sorted: Vec<&(&str, u64)> = members.iter().filter(|(_, v)| *v != 0).collect();
    sorted.sort_by_key(|m| std::cmp::Reverse(m.1));
    let mut remaining = bits;
    let mut taken: Vec<(&str, u64)> = Vec::new();
    for (n, v) in sorted {
        if remaining & v == *v {
            remaining &= !v;
            taken.push((n, *v));
        }
    }
    taken.sort_by_key(|(_, v)| *v);
    let mut names: Vec<String> = taken.into_iter().map(|(n, _)| n.to_string()).collect();
    if remaining != 0 {
        names.push(format!("{remaining:#x}"));
    }
    names
}

/// Folder rights as names: one role when the bits are exactly a role, else the individual rights
/// plus, for calendar free/busy bits, the role they form (`AvailabilityOnly`, `LimitedDetails`).
pub fn folder_right_names(bits: u64) -> Vec<String> {
    if let Some((n, _)) = rights::folder::ROLES.iter().find(|(_, v)| *v == bits) {
        return vec![n.to_string()];
    }
    let mut remaining = bits;
    let mut names = Vec::new();
    for (n, v) in rights::folder::RIGHTS {
        if remaining & v == *v {
            remaining &= !v;
            names.push(n.to_string());
        }
    }
    if remaining != 0 {
        match rights::folder::ROLES.iter().find(|(_, v)| *v == remaining) {
            Some((n, _)) => names.push(n.to_string()),
            None => names.push(format!("{remaining:#x}")),
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------
// Decoding: DTO -> Directory, with validation.
// ---------------------------------------------------------------------------------------------

/// Converts a DTO to a directory, checking every name and reference. The DTO's `schemaVersion`
/// is checked by the caller (see [`probe_version`]).
pub fn from_dto(dto: &OrgFileDto) -> Result<Directory, SchemaError> {
    let o = &dto.organization;
    let version = ExchangeVersion::from_profile(o.version.trim()).ok_or_else(|| {
        let known: Vec<&str> = ExchangeVersion::ALL.iter().map(|v| v.profile_name()).collect();
        err(
            "organization.version",
            format!("unknown Exchange version '{}' (expected one of {})", o.version, known.join(", ")),
        )
    })?;
    let org = OrgInfo {
        name: o.name.clone(),
        domain: o.domain.clone(),
        netbios: o.netbios.clone(),
        domain_sid: o.domain_sid.clone(),
        server: o.server.clone(),
        domain_controller: o.domain_controller.clone(),
        version,
        next_rid: o.next_rid,
    };

    let accounts = Accounts::new(dto);
    let mut database_names: HashSet<String> = HashSet::new();
    let mut guids: HashSet<String> = HashSet::new();
    let mut databases = Vec::with_capacity(dto.databases.len());
    for (i, d) in dto.databases.iter().enumerate() {
        let loc = format!("databases[{i}] ({})", d.name);
        non_empty(&format!("{loc}.name"), &d.name)?;
        guid_field(&format!("{loc}.guid"), &d.guid)?;
        if !database_names.insert(d.name.to_ascii_lowercase()) {
            return Err(err(&loc, format!("a second database named '{}'", d.name)));
        }
        if !guids.insert(d.guid.to_ascii_lowercase()) {
            return Err(err(&format!("{loc}.guid"), format!("Guid {} is used twice", d.guid)));
        }
        let ad_acl = ad_acl(&format!("{loc}.adPermissions"), &d.ad_permissions, &accounts)?;
        databases.push(Database { name: d.name.clone(), guid: d.guid.clone(), server: d.server.clone(), ad_acl });
    }

    let mut sids: HashSet<String> = HashSet::new();
    let mut principals = Vec::with_capacity(dto.principals.len());
    for (i, p) in dto.principals.iter().enumerate() {
        let loc = format!("principals[{i}] ({})", p.account);
        sid_field(&format!("{loc}.sid"), &p.sid)?;
        if !sids.insert(p.sid.to_ascii_uppercase()) {
            return Err(err(&format!("{loc}.sid"), format!("SID {} is used twice", p.sid)));
        }
        if !p.is_group && !p.members.is_empty() {
            return Err(err(&format!("{loc}.members"), "only groups have members"));
        }
        principals.push(Principal {
            sid: p.sid.clone(),
            account: p.account.clone(),
            name: p.name.clone(),
            is_group: p.is_group,
            members: p.members.clone(),
        });
    }

    let mut recipients = Vec::with_capacity(dto.recipients.len());
    for (i, r) in dto.recipients.iter().enumerate() {
        let loc = format!("recipients[{i}] ({})", r.name);
        let rec = recipient(&loc, r, &database_names, &accounts)?;
        if !guids.insert(rec.guid.to_ascii_lowercase()) {
            return Err(err(&format!("{loc}.guid"), format!("Guid {} is used twice", rec.guid)));
        }
        if let Some(sid) = &rec.sid
            && !sids.insert(sid.to_ascii_uppercase())
        {
            return Err(err(&format!("{loc}.sid"), format!("SID {sid} is used twice")));
        }
        recipients.push(rec);
    }

    // References between recipients, checked once every Guid is known.
    let recipient_guids: HashSet<String> = recipients.iter().map(|r| r.guid.to_ascii_lowercase()).collect();
    for (i, r) in recipients.iter().enumerate() {
        let loc = format!("recipients[{i}] ({})", r.name);
        for (key, list) in [
            ("members", &r.members),
            ("managedBy", &r.managed_by),
            ("grantSendOnBehalfTo", &r.grant_send_on_behalf_to),
            ("delegateListLink", &r.delegate_list_link),
        ] {
            for (j, g) in list.iter().enumerate() {
                if !recipient_guids.contains(&g.to_ascii_lowercase()) {
                    return Err(err(&format!("{loc}.{key}[{j}]"), format!("no recipient has Guid '{g}'")));
                }
            }
        }
    }
    for (i, p) in principals.iter().enumerate() {
        for (j, m) in p.members.iter().enumerate() {
            if !recipient_guids.contains(&m.to_ascii_lowercase()) && !sids.contains(&m.to_ascii_uppercase()) {
                return Err(err(
                    &format!("principals[{i}] ({}).members[{j}]", p.account),
                    format!("'{m}' is neither a recipient Guid nor a SID in this file"),
                ));
            }
        }
    }

    Ok(Directory { org, databases, recipients, principals })
}

fn recipient(
    loc: &str,
    r: &RecipientDto,
    databases: &HashSet<String>,
    accounts: &Accounts,
) -> Result<Recipient, SchemaError> {
    non_empty(&format!("{loc}.name"), &r.name)?;
    non_empty(&format!("{loc}.alias"), &r.alias)?;
    guid_field(&format!("{loc}.guid"), &r.guid)?;
    let kind = RecipientKind::from_details_name(r.recipient_type_details.trim()).ok_or_else(|| {
        err(
            &format!("{loc}.recipientTypeDetails"),
            format!(
                "unknown recipient type '{}' (expected one of UserMailbox, SharedMailbox, RoomMailbox, \
                 EquipmentMailbox, MailUniversalSecurityGroup, MailUniversalDistributionGroup, MailContact, MailUser)",
                r.recipient_type_details
            ),
        )
    })?;
    if let Some(g) = &r.exchange_guid {
        guid_field(&format!("{loc}.exchangeGuid"), g)?;
    }
    if let Some(s) = &r.sid {
        sid_field(&format!("{loc}.sid"), s)?;
    }
    if let Some(db) = &r.database
        && !databases.contains(&db.to_ascii_lowercase())
    {
        return Err(err(&format!("{loc}.database"), format!("no database named '{db}'")));
    }
    if !kind.is_group() && !r.members.is_empty() {
        return Err(err(&format!("{loc}.members"), "only groups have members"));
    }
    if !kind.is_group() && !r.managed_by.is_empty() {
        return Err(err(&format!("{loc}.managedBy"), "only groups have owners"));
    }
    let mut mailbox_acl = Vec::with_capacity(r.mailbox_permissions.len());
    for (j, a) in r.mailbox_permissions.iter().enumerate() {
        let aloc = format!("{loc}.mailboxPermissions[{j}]");
        mailbox_acl.push(MailboxAce {
            sid: accounts.trustee(&format!("{aloc}.trustee"), &a.trustee)?,
            rights: parse_flags(&format!("{aloc}.rights"), &a.rights, rights::mailbox::MEMBERS, "mailbox right")?,
            deny: a.deny,
            inheritance: parse_inheritance(&format!("{aloc}.inheritance"), &a.inheritance)?,
            inherited: a.inherited,
        });
    }
    let ad_acl = ad_acl(&format!("{loc}.adPermissions"), &r.ad_permissions, accounts)?;
    let mut folders: Vec<Folder> = Vec::with_capacity(r.folders.len());
    for (j, f) in r.folders.iter().enumerate() {
        let floc = format!("{loc}.folders[{j}] ({})", f.path);
        if folders.iter().any(|x| x.path.eq_ignore_ascii_case(&f.path)) {
            return Err(err(&floc, format!("folder '{}' appears twice", f.path)));
        }
        let mut permissions = Vec::with_capacity(f.permissions.len());
        for (k, a) in f.permissions.iter().enumerate() {
            let aloc = format!("{floc}.permissions[{k}]");
            permissions.push(FolderAce {
                user: parse_folder_user(&format!("{aloc}.user"), &a.user, accounts)?,
                rights: parse_folder_rights(&format!("{aloc}.rights"), &a.rights)?,
                sharing_flags: parse_flags(
                    &format!("{aloc}.sharingFlags"),
                    &a.sharing_flags,
                    SHARING_FLAGS,
                    "sharing flag",
                )?,
            });
        }
        folders.push(Folder { path: f.path.clone(), permissions });
    }
    Ok(Recipient {
        guid: r.guid.clone(),
        exchange_guid: r.exchange_guid.clone(),
        sid: r.sid.clone(),
        name: r.name.clone(),
        alias: r.alias.clone(),
        display_name: r.display_name.clone(),
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        title: r.title.clone(),
        department: r.department.clone(),
        kind,
        upn: r.user_principal_name.clone(),
        primary_smtp: r.primary_smtp_address.clone(),
        email_addresses: r.email_addresses.clone(),
        external_email: r.external_email_address.clone(),
        database: r.database.clone(),
        account_disabled: r.account_disabled,
        hidden: r.hidden_from_address_lists_enabled,
        members: r.members.clone(),
        managed_by: r.managed_by.clone(),
        grant_send_on_behalf_to: r.grant_send_on_behalf_to.clone(),
        mailbox_acl,
        ad_acl,
        folders,
        delegate_list_link: r.delegate_list_link.clone(),
    })
}

fn ad_acl(loc: &str, aces: &[AdAceDto], accounts: &Accounts) -> Result<Vec<AdAce>, SchemaError> {
    let mut out = Vec::with_capacity(aces.len());
    for (j, a) in aces.iter().enumerate() {
        let aloc = format!("{loc}[{j}]");
        let sid = accounts.trustee(&format!("{aloc}.trustee"), &a.trustee)?;
        let mut extended_rights = Vec::with_capacity(a.extended_rights.len());
        for (k, x) in a.extended_rights.iter().enumerate() {
            non_empty(&format!("{aloc}.extendedRights[{k}]"), x)?;
            // Known rights are stored by schema name; other AD extended rights are kept as written.
            extended_rights.push(rights::ad::extended_right_name(x).map(str::to_string).unwrap_or_else(|| x.clone()));
        }
        for (k, p) in a.properties.iter().enumerate() {
            non_empty(&format!("{aloc}.properties[{k}]"), p)?;
        }
        out.push(AdAce {
            sid,
            rights: parse_flags(&format!("{aloc}.rights"), &a.rights, rights::ad::MEMBERS, "AD right")?,
            extended_rights,
            properties: a.properties.clone(),
            deny: a.deny,
            inheritance: parse_inheritance(&format!("{aloc}.inheritance"), &a.inheritance)?,
            inherited: a.inherited,
        });
    }
    Ok(out)
}

fn non_empty(loc: &str, s: &str) -> Result<(), SchemaError> {
    if s.trim().is_empty() { Err(err(loc, "must not be empty")) } else { Ok(()) }
}

fn guid_field(loc: &str, s: &str) -> Result<(), SchemaError> {
    let hex_groups: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = hex_groups.iter().map(|g| g.len()).collect();
    let all_hex = hex_groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    if lens == [8, 4, 4, 4, 12] && all_hex {
        Ok(())
    } else {
        Err(err(loc, format!("'{s}' is not a Guid (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")))
    }
}

fn sid_field(loc: &str, s: &str) -> Result<(), SchemaError> {
    let ok = s.strip_prefix("S-1-").is_some_and(|rest| {
        !rest.is_empty() && rest.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    if ok { Ok(()) } else { Err(err(loc, format!("'{s}' is not a SID (expected S-1-…)"))) }
}

fn parse_inheritance(loc: &str, s: &str) -> Result<Inheritance, SchemaError> {
    INHERITANCE.iter().find(|(n, _)| n.eq_ignore_ascii_case(s.trim())).map(|(_, v)| *v).ok_or_else(|| {
        err(
            loc,
            format!("unknown inheritance '{s}' (expected one of None, All, Descendents, SelfAndChildren, Children)"),
        )
    })
}

fn parse_hex(s: &str) -> Option<u64> {
    let t = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))?;
    u64::from_str_radix(t, 16).ok()
}

fn parse_flags(loc: &str, names: &[String], members: &[(&str, u64)], what: &str) -> Result<u64, SchemaError> {
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
                err(&format!("{loc}[{i}]"), format!("unknown {what} '{n}' (expected one of {})", known.join(", ")))
            })?;
        bits |= v;
    }
    Ok(bits)
}

fn parse_folder_rights(loc: &str, names: &[String]) -> Result<u64, SchemaError> {
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
                err(
                    &format!("{loc}[{i}]"),
                    format!("unknown folder right '{n}' (expected one of {})", known.join(", ")),
                )
            })?;
        bits |= v;
    }
    Ok(bits)
}

fn parse_folder_user(loc: &str, s: &str, accounts: &Accounts) -> Result<FolderUser, SchemaError> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("Default") {
        Ok(FolderUser::Default)
    } else if t.eq_ignore_ascii_case("Anonymous") {
        Ok(FolderUser::Anonymous)
    } else if t.contains('@') {
        Ok(FolderUser::External(t.to_string()))
    } else {
        accounts.trustee(loc, t).map(FolderUser::Sid).map_err(|_| {
            err(
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
/// recipients, so a hand-edited trustee may name an account instead of its SID.
struct Accounts {
    by_name: std::collections::HashMap<String, String>,
}

impl Accounts {
    fn new(dto: &OrgFileDto) -> Accounts {
        let mut by_name = std::collections::HashMap::new();
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

    /// The SID a trustee names: a SID as written, or the SID of an account in this file.
    fn trustee(&self, loc: &str, s: &str) -> Result<String, SchemaError> {
        let t = s.trim();
        if sid_field(loc, t).is_ok() {
            return Ok(t.to_string());
        }
        self.by_name.get(&t.to_lowercase()).cloned().ok_or_else(|| {
            err(loc, format!("'{s}' is neither a SID (S-1-…) nor an account in this file (such as CONTOSO\\karen)"))
        })
    }
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
    match probe_version(bytes).map_err(DecodeError::Json)? {
        VersionCheck::Supported => {}
        VersionCheck::Missing => return Err(DecodeError::MissingVersion),
        VersionCheck::NotANumber(t) => return Err(DecodeError::BadVersion(t)),
        VersionCheck::Unsupported(v) => return Err(DecodeError::UnsupportedVersion(v)),
    }
    let dto: OrgFileDto = serde_json::from_slice(bytes).map_err(DecodeError::Json)?;
    from_dto(&dto).map_err(DecodeError::Schema)
}

/// Encodes a directory as the org file's bytes: pretty-printed JSON in a fixed key order, with
/// short lists and permission entries on one line (see [`super::json`]), ending in a newline.
/// Fails only if the result would not decode (a model value with no valid spelling), so a file
/// this function produced can always be read back.
pub fn encode(dir: &Directory) -> Result<Vec<u8>, SchemaError> {
    let dto = to_dto(dir);
    from_dto(&dto)?;
    let value = serde_json::to_value(&dto).map_err(|e| err("", format!("cannot encode the organization: {e}")))?;
    Ok(super::json::pretty(&value).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_rights_names_round_trip() {
        let bits = rights::mailbox::FULL_ACCESS | rights::mailbox::READ_PERMISSION;
        let names = flag_names(bits, rights::mailbox::MEMBERS);
        assert_eq!(names, ["FullAccess", "ReadPermission"]);
        assert_eq!(parse_flags("x", &names, rights::mailbox::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn ad_composites_are_named_like_dotnet() {
        assert_eq!(flag_names(rights::ad::GENERIC_ALL, rights::ad::MEMBERS), ["GenericAll"]);
        let bits = rights::ad::GENERIC_READ | rights::ad::WRITE_PROPERTY;
        let names = flag_names(bits, rights::ad::MEMBERS);
        assert_eq!(names, ["WriteProperty", "GenericRead"]);
        assert_eq!(parse_flags("x", &names, rights::ad::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn unnamed_bits_survive_as_hex() {
        let bits = rights::mailbox::FULL_ACCESS | 0x8 | 0x100;
        let names = flag_names(bits, rights::mailbox::MEMBERS);
        assert_eq!(names, ["FullAccess", "0x108"]);
        assert_eq!(parse_flags("x", &names, rights::mailbox::MEMBERS, "r"), Ok(bits));
    }

    #[test]
    fn folder_rights_use_roles_when_exact() {
        assert_eq!(folder_right_names(0), ["None"]);
        assert_eq!(folder_right_names(0x47B), ["Editor"]);
        assert_eq!(folder_right_names(rights::folder::FREE_BUSY_SIMPLE), ["AvailabilityOnly"]);
        let mixed = rights::folder::READ_ITEMS | rights::folder::FOLDER_VISIBLE | rights::folder::FREE_BUSY_SIMPLE;
        let names = folder_right_names(mixed);
        assert_eq!(names, ["ReadItems", "FolderVisible", "AvailabilityOnly"]);
        assert_eq!(parse_folder_rights("x", &names), Ok(mixed));
        assert_eq!(parse_folder_rights("x", &["editor".to_string()]), Ok(0x47B));
    }

    #[test]
    fn unknown_names_are_reported_with_location() {
        let e = parse_flags("acl[0].rights", &["FullAcess".to_string()], rights::mailbox::MEMBERS, "mailbox right");
        let e = e.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.starts_with("acl[0].rights[0]: unknown mailbox right 'FullAcess' (expected one of FullAccess,"),
            "{e}"
        );
        assert!(parse_inheritance("i", "Sideways").is_err());
        assert_eq!(parse_inheritance("i", "descendents"), Ok(Inheritance::Descendents));
    }

    fn accounts() -> Accounts {
        let mut by_name = std::collections::HashMap::new();
        by_name.insert("contoso\\karen".to_string(), "S-1-5-21-1-2-3-1105".to_string());
        Accounts { by_name }
    }

    #[test]
    fn folder_users_parse() {
        let accounts = accounts();
        let parse_folder_user = |loc: &str, s: &str| super::parse_folder_user(loc, s, &accounts);
        assert_eq!(parse_folder_user("u", "default"), Ok(FolderUser::Default));
        assert_eq!(parse_folder_user("u", "Anonymous"), Ok(FolderUser::Anonymous));
        assert_eq!(parse_folder_user("u", "S-1-5-21-1-2-3-1105"), Ok(FolderUser::Sid("S-1-5-21-1-2-3-1105".into())));
        assert_eq!(parse_folder_user("u", "bob@fabrikam.com"), Ok(FolderUser::External("bob@fabrikam.com".into())));
        assert!(parse_folder_user("u", "karen").is_err());
        assert_eq!(parse_folder_user("u", "CONTOSO\\Karen"), Ok(FolderUser::Sid("S-1-5-21-1-2-3-1105".into())));
    }

    #[test]
    fn guid_and_sid_checks() {
        assert!(guid_field("g", "1b5f6c2e-0001-4c1a-9d3e-000000000001").is_ok());
        assert!(guid_field("g", "not-a-guid").is_err());
        assert!(sid_field("s", "S-1-5-10").is_ok());
        assert!(sid_field("s", "S-1-").is_err());
        assert!(sid_field("s", "S-1-5-x").is_err());
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
}
