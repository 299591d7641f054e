//! The DTOs: the org file's shape as serde types, and the `schemaVersion` probe.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::store::names::SCHEMA_VERSION;

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
    /// Exchange 2010 only: the service pack and update rollup (`SP3 RU8`); missing means the
    /// last one, SP3 RU32.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_level: Option<String>,
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
    /// The AD object's owner (a SID or account name), when Add-ADPermission -Owner set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_owner: Option<String>,
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
    /// The mailbox security descriptor's owner (a SID or account name), when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailbox_owner: Option<String>,
    /// The AD object's owner (a SID or account name), when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_owner: Option<String>,
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
    /// Calendar processing settings set by Set-CalendarProcessing (missing: the kind's defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar_processing: Option<CalendarProcessingDto>,
    /// Forwarding and sent-item copy settings set by Set-Mailbox (missing: all off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_flow: Option<MailFlowDto>,
}

/// [`MailFlow`](crate::directory::MailFlow) on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MailFlowDto {
    /// ForwardingAddress (a recipient Guid), when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarding_address: Option<String>,
    /// ForwardingSmtpAddress with its `smtp:` prefix, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarding_smtp_address: Option<String>,
    /// DeliverToMailboxAndForward.
    #[serde(default)]
    pub deliver_to_mailbox_and_forward: bool,
    /// MessageCopyForSentAsEnabled.
    #[serde(default)]
    pub message_copy_for_sent_as_enabled: bool,
    /// MessageCopyForSendOnBehalfEnabled.
    #[serde(default)]
    pub message_copy_for_send_on_behalf_enabled: bool,
}

/// [`CalendarProcessing`](crate::directory::CalendarProcessing) on disk: every setting exsh keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarProcessingDto {
    /// `None`, `AutoUpdate` or `AutoAccept`.
    pub automate_processing: String,
    /// AllBookInPolicy.
    pub all_book_in_policy: bool,
    /// AllRequestInPolicy.
    pub all_request_in_policy: bool,
    /// AllRequestOutOfPolicy.
    pub all_request_out_of_policy: bool,
    /// BookInPolicy (recipient Guids).
    pub book_in_policy: Vec<String>,
    /// RequestInPolicy (recipient Guids).
    pub request_in_policy: Vec<String>,
    /// RequestOutOfPolicy (recipient Guids).
    pub request_out_of_policy: Vec<String>,
    /// ForwardRequestsToDelegates.
    pub forward_requests_to_delegates: bool,
    /// AllowConflicts.
    pub allow_conflicts: bool,
    /// AllowRecurringMeetings.
    pub allow_recurring_meetings: bool,
    /// BookingWindowInDays.
    pub booking_window_in_days: u32,
    /// MaximumDurationInMinutes.
    pub maximum_duration_in_minutes: u32,
    /// AddOrganizerToSubject.
    pub add_organizer_to_subject: bool,
    /// DeleteComments.
    pub delete_comments: bool,
    /// DeleteSubject.
    pub delete_subject: bool,
    /// ProcessExternalMeetingMessages.
    pub process_external_meeting_messages: bool,
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
