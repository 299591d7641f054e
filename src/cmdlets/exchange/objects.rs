//! The objects Exchange cmdlets write, with Exchange's property names, order and types, as they
//! arrive in an EMS session (type names prefixed `Deserialized.`, most derived first, so the
//! formatter picks the default view from `type_names[0]`).
//!
//! References to directory objects (a mailbox's Identity, GrantSendOnBehalfTo entries, an ACE's
//! Identity) are `ADObjectId` objects whose string form is the canonical name on-premises and the
//! Name on Online (behavior.md §8).

use crate::directory::rights::ad;
use crate::directory::{AdAce, Directory, FolderAce, FolderUser, MailboxAce, RecipientKind};
use crate::value::{PsObject, Value};

use super::types::{
    ACCESS_CONTROL_TYPE, AD_RIGHTS, INHERITANCE, MAILBOX_RIGHTS, RECIPIENT_ACCESS_RIGHT, SHARING_PERMISSION_FLAGS,
    enum_value, recipient_type, recipient_type_details,
};
use super::{identity_display, is_online, principal_display};

/// `Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject`.
pub const MAILBOX_ACE_TYPE: &str = "Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject";
/// `Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject`.
pub const AD_ACE_TYPE: &str = "Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject";
/// `Microsoft.Exchange.Management.RecipientTasks.RecipientPermission`.
pub const RECIPIENT_PERMISSION_TYPE: &str = "Microsoft.Exchange.Management.RecipientTasks.RecipientPermission";
/// `Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission`.
pub const FOLDER_PERMISSION_TYPE: &str = "Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission";
/// `Microsoft.Exchange.Management.RecipientTasks.OwnerPresentationObject`.
pub const OWNER_TYPE: &str = "Microsoft.Exchange.Management.RecipientTasks.OwnerPresentationObject";
/// `Microsoft.Exchange.Data.Directory.Management.Mailbox`.
pub const MAILBOX_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.Mailbox";
/// `Microsoft.Exchange.Data.Directory.Management.ReducedRecipient`.
pub const RECIPIENT_TYPE_NAME: &str = "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient";
/// `Microsoft.Exchange.Data.Directory.Management.User`.
pub const USER_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.User";
/// `Microsoft.Exchange.Data.Directory.ADObjectId`.
pub const AD_OBJECT_ID_TYPE: &str = "Microsoft.Exchange.Data.Directory.ADObjectId";

/// The name a mailbox's root folder prints as.
pub const ROOT_FOLDER_NAME: &str = "Top of Information Store";

pub(super) fn deserialized(types: &[&str]) -> PsObject {
    let names: Vec<String> = types.iter().map(|t| format!("Deserialized.{t}")).collect();
    let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    PsObject::new(&refs)
}

fn ace_base(most_derived: &str) -> PsObject {
    deserialized(&[
        most_derived,
        "Microsoft.Exchange.Management.RecipientTasks.AcePresentationObject",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ])
}

pub(super) fn strs(items: &[String]) -> Value {
    Value::array(items.iter().map(Value::str).collect())
}

pub(super) fn parent_id(display: &str, name: &str, dn: &str) -> Value {
    let mut p = deserialized(&[AD_OBJECT_ID_TYPE, "System.Object"]);
    p.set("Name", Value::str(name));
    p.set("DistinguishedName", Value::str(dn));
    p.display = Some(display.into());
    Value::object(p)
}

/// An `ADObjectId` object from its parts.
pub(super) fn object_id(display: String, name: &str, dn: &str, guid: &str, domain: &str, parent: Value) -> Value {
    let rdn = dn.split(",CN=").next().unwrap_or(dn).to_string();
    let depth = dn.split(',').count().saturating_sub(1) as i64;
    let mut o = deserialized(&[AD_OBJECT_ID_TYPE, "System.Object"]);
    o.set("IsDeleted", Value::Bool(false));
    o.set("Rdn", Value::str(rdn));
    o.set("Parent", parent);
    o.set("Depth", Value::Int(depth));
    o.set("DistinguishedName", Value::str(dn));
    o.set("IsRelativeDn", Value::Bool(false));
    o.set("DomainId", Value::str(domain));
    o.set("PartitionGuid", Value::str("59ce2f71-eaa2-4ddf-a4fa-f25069d0b324"));
    o.set("PartitionFQDN", Value::str(domain));
    o.set("ObjectGuid", Value::str(guid));
    o.set("Name", Value::str(name));
    o.display = Some(display.into());
    Value::object(o)
}

/// A recipient's `ADObjectId` (its Identity and every reference to it).
pub fn recipient_id(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let dn = dir.distinguished_name(r);
    let users_dn = dir.users_container_dn();
    let container = dir.users_container();
    let leaf = container.rsplit('/').next().unwrap_or("Users").to_string();
    let parent = parent_id(&container, &leaf, &users_dn);
    object_id(identity_display(dir, i), &r.name, &dn, &r.guid, &dir.org.domain, parent)
}

/// A database's `ADObjectId` (prints as the database name).
pub fn database_id(dir: &Directory, d: usize) -> Value {
    let db = &dir.databases[d];
    let dn = dir.database_dn(db);
    let parent_dn = dn.split_once(',').map(|(_, p)| p.to_string()).unwrap_or_default();
    let parent = parent_id("Databases", "Databases", &parent_dn);
    object_id(db.name.clone(), &db.name, &dn, &db.guid, &dir.org.domain, parent)
}

/// The `User` of a mailbox or AD permission row: prints as the NT account (or UPN on Online).
pub fn principal(dir: &Directory, sid: &str) -> Value {
    let mut o = deserialized(&["Microsoft.Exchange.Configuration.Tasks.SecurityPrincipalIdParameter", "System.Object"]);
    let display = principal_display(dir, sid);
    o.set("SecurityIdentifier", Value::str(sid));
    o.set("RawIdentity", Value::str(&display));
    o.display = Some(display.into());
    Value::object(o)
}

/// A `MailboxAcePresentationObject` row for an ACE of mailbox `i`.
pub fn mailbox_ace(dir: &Directory, i: usize, ace: &MailboxAce) -> Value {
    let mut o = ace_base(MAILBOX_ACE_TYPE);
    o.set("AccessRights", Value::array(vec![enum_value(&MAILBOX_RIGHTS, ace.rights)]));
    o.set("Deny", Value::Bool(ace.deny));
    o.set("InheritanceType", enum_value(&INHERITANCE, ace.inheritance.bits()));
    o.set("User", principal(dir, &ace.sid));
    if is_online(dir) {
        o.set("UserSid", Value::str(&ace.sid));
    }
    o.set("Identity", recipient_id(dir, i));
    o.set("IsInherited", Value::Bool(ace.inherited));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

/// The object an ADPermission row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdTarget {
    /// A recipient, by index.
    Recipient(usize),
    /// A database, by index.
    Database(usize),
}

/// The Identity of an AD permission target.
pub fn ad_target_id(dir: &Directory, t: AdTarget) -> Value {
    match t {
        AdTarget::Recipient(i) => recipient_id(dir, i),
        AdTarget::Database(d) => database_id(dir, d),
    }
}

/// The distinguished name of an AD permission target (the `{0}` of AD ACE warnings).
pub fn ad_target_dn(dir: &Directory, t: AdTarget) -> String {
    match t {
        AdTarget::Recipient(i) => dir.distinguished_name(&dir.recipients[i]),
        AdTarget::Database(d) => dir.database_dn(&dir.databases[d]),
    }
}

/// `ADAcePresentationObject` rows for an AD ACE: one row per extended right (each is its own ACE
/// in AD), or one row when it has none.
pub fn ad_ace_rows(dir: &Directory, t: AdTarget, ace: &AdAce) -> Vec<Value> {
    let one = |ext: Option<&String>| {
        let mut o = ace_base(AD_ACE_TYPE);
        o.set("AccessRights", Value::array(vec![enum_value(&AD_RIGHTS, ace.rights)]));
        o.set("ExtendedRights", ext.map(|e| strs(std::slice::from_ref(e))).unwrap_or(Value::Null));
        o.set("ChildObjectTypes", Value::Null);
        o.set("InheritedObjectType", Value::Null);
        o.set("Properties", if ace.properties.is_empty() { Value::Null } else { strs(&ace.properties) });
        o.set("Deny", Value::Bool(ace.deny));
        o.set("InheritanceType", enum_value(&INHERITANCE, ace.inheritance.bits()));
        o.set("User", principal(dir, &ace.sid));
        o.set("Identity", ad_target_id(dir, t));
        o.set("IsInherited", Value::Bool(ace.inherited));
        o.set("IsValid", Value::Bool(true));
        o.set("ObjectState", Value::str("Unchanged"));
        Value::object(o)
    };
    if ace.extended_rights.is_empty() {
        vec![one(None)]
    } else {
        ace.extended_rights.iter().map(|e| one(Some(e))).collect()
    }
}

/// True when an AD ACE carries the Send-As extended right.
pub fn is_send_as(ace: &AdAce) -> bool {
    ace.extended_rights.iter().any(|e| e.eq_ignore_ascii_case(ad::SEND_AS)) && ace.rights & ad::EXTENDED_RIGHT != 0
}

/// A `RecipientPermission` row (Send As on recipient `i`).
pub fn recipient_permission(dir: &Directory, i: usize, ace: &AdAce) -> Value {
    let mut o =
        deserialized(&[RECIPIENT_PERMISSION_TYPE, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"]);
    o.set("Identity", recipient_id(dir, i));
    o.set("Trustee", Value::str(principal_display(dir, &ace.sid)));
    o.set("AccessControlType", enum_value(&ACCESS_CONTROL_TYPE, u64::from(ace.deny)));
    o.set("AccessRights", Value::array(vec![enum_value(&RECIPIENT_ACCESS_RIGHT, 1)]));
    o.set("IsInherited", Value::Bool(ace.inherited));
    o.set("InheritanceType", enum_value(&INHERITANCE, ace.inheritance.bits()));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

/// `Get-MailboxPermission -Owner` / `Add-MailboxPermission -Owner` output.
pub fn owner_object(dir: &Directory, i: usize, owner: &str) -> Value {
    let mut o = deserialized(&[OWNER_TYPE, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"]);
    o.set("Owner", Value::str(owner));
    o.set("Identity", recipient_id(dir, i));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

/// The folder-permission `User` object: prints the display name (`Default`, `Anonymous`, or an
/// external SMTP address); carries `UserType`, `DisplayName` and `RecipientPrincipal`/`ADRecipient`.
pub fn folder_user(dir: &Directory, user: &FolderUser) -> Value {
    let mut o = deserialized(&["Microsoft.Exchange.Management.StoreTasks.MailboxFolderUserId", "System.Object"]);
    let display = dir.folder_user_display(user);
    let (user_type, recipient) = match user {
        FolderUser::Default => ("Default", None),
        FolderUser::Anonymous => ("Anonymous", None),
        FolderUser::External(_) => ("External", None),
        FolderUser::Sid(sid) => match dir.recipient_by_sid(sid) {
            Some(i) => ("Internal", Some(i)),
            None if dir.principal_by_sid(sid).is_some() => ("Internal", None),
            // An orphaned entry: its SID resolves to nobody (`NT:S-1-5-21-…`).
            None => ("Unknown", None),
        },
    };
    o.set("UserType", Value::str(user_type));
    o.set("DisplayName", Value::str(&display));
    let recipient = recipient.map(|i| recipient_object(dir, i)).unwrap_or(Value::Null);
    o.set("RecipientPrincipal", recipient.clone());
    o.set("ADRecipient", recipient);
    if let FolderUser::External(smtp) = user {
        o.set("PrimarySmtpAddress", Value::str(smtp));
    }
    o.display = Some(display.into());
    Value::object(o)
}

/// The `AccessRights` value of a folder entry: one role name when the bits are exactly a role,
/// else the individual rights.
pub fn folder_rights_value(bits: u64) -> Value {
    Value::array(crate::directory::rights::folder::names(bits).into_iter().map(Value::str).collect())
}

/// The FolderName of a folder path (`Inbox\Projects` → `Projects`; the root prints as
/// `Top of Information Store`).
pub fn folder_name(path: &str) -> String {
    if path.is_empty() { ROOT_FOLDER_NAME.to_string() } else { path.rsplit('\\').next().unwrap_or(path).to_string() }
}

/// A `MailboxFolderPermission` row. `folder_as_given` is the folder part of -Identity as typed.
pub fn folder_permission(dir: &Directory, i: usize, folder_as_given: &str, path: &str, ace: &FolderAce) -> Value {
    let mut o = deserialized(&[FOLDER_PERMISSION_TYPE, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"]);
    let user = folder_user(dir, &ace.user);
    if dir.org.version == crate::directory::ExchangeVersion::Exchange2010 {
        o.set("FolderName", Value::str(folder_name(path)));
        o.set("User", user.clone());
        o.set("AccessRights", folder_rights_value(ace.rights));
        o.set("Identity", Value::str(dir.folder_user_display(&ace.user)));
        o.set("IsValid", Value::Bool(true));
        return Value::object(o);
    }
    o.set("Identity", Value::str(format!("{}:\\{}", identity_display(dir, i), folder_as_given)));
    o.set("FolderName", Value::str(folder_name(path)));
    o.set("User", user);
    o.set("AccessRights", folder_rights_value(ace.rights));
    if is_online(dir) {
        let flags =
            if ace.sharing_flags == 0 { Value::Null } else { enum_value(&SHARING_PERMISSION_FLAGS, ace.sharing_flags) };
        o.set("SharingPermissionFlags", flags);
    }
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("New"));
    Value::object(o)
}

fn quota_values(dir: &Directory) -> (Value, Value, Value) {
    if is_online(dir) {
        (
            Value::str("98 GB (105,226,698,752 bytes)"),
            Value::str("99 GB (106,300,440,576 bytes)"),
            Value::str("100 GB (107,374,182,400 bytes)"),
        )
    } else {
        (Value::str("Unlimited"), Value::str("Unlimited"), Value::str("Unlimited"))
    }
}

pub(super) fn custom_attributes(o: &mut PsObject) {
    for n in 1..=15 {
        o.set(&format!("CustomAttribute{n}"), Value::str(""));
    }
}

/// A `Mailbox` object (Get-Mailbox).
pub fn mailbox_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let online = is_online(dir);
    let mut o = deserialized(&[
        MAILBOX_TYPE,
        "Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson",
        "Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    let db = r.database.as_deref().and_then(|d| dir.database_by_name(d));
    let (warn, send, send_receive) = quota_values(dir);
    o.set("Database", db.map(|d| database_id(dir, d)).unwrap_or(Value::Null));
    o.set("DatabaseGuid", Value::str(db.map(|d| dir.databases[d].guid.clone()).unwrap_or_default()));
    let flow = r.mail_flow.clone().unwrap_or_default();
    o.set("MessageCopyForSentAsEnabled", Value::Bool(flow.message_copy_for_sent_as));
    o.set("MessageCopyForSendOnBehalfEnabled", Value::Bool(flow.message_copy_for_send_on_behalf));
    o.set("UseDatabaseRetentionDefaults", Value::Bool(true));
    o.set("RetainDeletedItemsUntilBackup", Value::Bool(false));
    o.set("DeliverToMailboxAndForward", Value::Bool(flow.deliver_to_mailbox_and_forward));
    o.set("LitigationHoldEnabled", Value::Bool(false));
    o.set("SingleItemRecoveryEnabled", Value::Bool(online));
    o.set("RetentionHoldEnabled", Value::Bool(false));
    o.set("RetentionPolicy", if online { Value::str("Default MRM Policy") } else { Value::Null });
    o.set("AddressBookPolicy", Value::Null);
    o.set("ExchangeGuid", Value::str(r.exchange_guid.clone().unwrap_or_default()));
    o.set(
        "ForwardingAddress",
        flow.forwarding_address
            .as_deref()
            .and_then(|g| dir.recipient_by_guid(g))
            .map(|f| recipient_id(dir, f))
            .unwrap_or(Value::Null),
    );
    o.set("ForwardingSmtpAddress", flow.forwarding_smtp_address.map(Value::str).unwrap_or(Value::Null));
    o.set("RetainDeletedItemsFor", Value::str("14.00:00:00"));
    o.set("IsMailboxEnabled", Value::Bool(true));
    o.set("Languages", Value::array(Vec::new()));
    o.set("ProhibitSendQuota", send);
    o.set("ProhibitSendReceiveQuota", send_receive);
    o.set("RecoverableItemsQuota", Value::str("30 GB (32,212,254,720 bytes)"));
    o.set("RecoverableItemsWarningQuota", Value::str("20 GB (21,474,836,480 bytes)"));
    o.set("CalendarLoggingQuota", Value::str("6 GB (6,442,450,944 bytes)"));
    o.set("RecipientLimits", Value::str(if online { "500" } else { "Unlimited" }));
    o.set("IsResource", Value::Bool(matches!(r.kind, RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox)));
    o.set("IsLinked", Value::Bool(false));
    o.set("IsShared", Value::Bool(r.kind == RecipientKind::SharedMailbox));
    o.set("ResetPasswordOnNextLogon", Value::Bool(false));
    o.set(
        "ResourceType",
        match r.kind {
            RecipientKind::RoomMailbox => Value::str("Room"),
            RecipientKind::EquipmentMailbox => Value::str("Equipment"),
            _ => Value::Null,
        },
    );
    o.set("RoomMailboxAccountEnabled", Value::Null);
    o.set("SamAccountName", Value::str(&r.alias));
    o.set("AntispamBypassEnabled", Value::Bool(false));
    o.set(
        "ServerLegacyDN",
        Value::str(format!(
            "/o={}/ou={}/cn=Configuration/cn=Servers/cn={}",
            dir.org.name,
            crate::directory::identity::ADMIN_GROUP,
            dir.org.server
        )),
    );
    o.set("ServerName", Value::str(dir.org.server.to_lowercase()));
    o.set("UseDatabaseQuotaDefaults", Value::Bool(!online));
    o.set("IssueWarningQuota", warn);
    o.set("RulesQuota", Value::str("256 KB (262,144 bytes)"));
    o.set("Office", Value::str(""));
    o.set("UserPrincipalName", Value::str(r.upn.clone().unwrap_or_default()));
    o.set("UMEnabled", Value::Bool(false));
    o.set("WindowsLiveID", Value::str(if online { r.upn.clone().unwrap_or_default() } else { String::new() }));
    o.set(
        "MicrosoftOnlineServicesID",
        Value::str(if online { r.upn.clone().unwrap_or_default() } else { String::new() }),
    );
    o.set("ArchiveDatabase", Value::Null);
    o.set("ArchiveGuid", Value::str("00000000-0000-0000-0000-000000000000"));
    o.set("ArchiveName", Value::array(Vec::new()));
    o.set("ArchiveStatus", Value::str("None"));
    o.set("ArchiveState", Value::str("None"));
    o.set("RemoteRecipientType", Value::str("None"));
    o.set("AuditEnabled", Value::Bool(online));
    o.set("WhenMailboxCreated", Value::Null);
    o.set("IsInactiveMailbox", Value::Bool(false));
    o.set("AccountDisabled", Value::Bool(r.account_disabled));
    o.set("IsDirSynced", Value::Bool(false));
    o.set("AcceptMessagesOnlyFrom", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromDLMembers", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromSendersOrMembers", Value::array(Vec::new()));
    o.set("AddressListMembership", Value::array(Vec::new()));
    o.set("Alias", Value::str(&r.alias));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    custom_attributes(&mut o);
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("EmailAddresses", strs(&r.email_addresses));
    let gsob: Vec<Value> = r
        .grant_send_on_behalf_to
        .iter()
        .filter_map(|g| dir.recipient_by_guid(g))
        .map(|d| recipient_id(dir, d))
        .collect();
    o.set("GrantSendOnBehalfTo", Value::array(gsob));
    o.set("ExternalDirectoryObjectId", Value::str(if online { r.guid.clone() } else { String::new() }));
    o.set("HiddenFromAddressListsEnabled", Value::Bool(r.hidden));
    o.set("LegacyExchangeDN", Value::str(dir.legacy_exchange_dn(r)));
    o.set("MaxSendSize", Value::str(if online { "35 MB (36,700,160 bytes)" } else { "Unlimited" }));
    o.set("MaxReceiveSize", Value::str(if online { "36 MB (37,748,736 bytes)" } else { "Unlimited" }));
    o.set("ModeratedBy", Value::array(Vec::new()));
    o.set("ModerationEnabled", Value::Bool(false));
    o.set("EmailAddressPolicyEnabled", Value::Bool(!online));
    o.set("PrimarySmtpAddress", Value::str(&r.primary_smtp));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("RequireSenderAuthenticationEnabled", Value::Bool(false));
    o.set("SimpleDisplayName", Value::str(""));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    o.set("MailTip", Value::Null);
    identity_tail(dir, i, &mut o, "user");
    Value::object(o)
}

/// The properties every ADObject ends with: Identity, IsValid, Name, DistinguishedName, Guid…
pub(super) fn identity_tail(dir: &Directory, i: usize, o: &mut PsObject, object_class: &str) {
    let r = &dir.recipients[i];
    let id = recipient_id(dir, i);
    o.set("Identity", id.clone());
    o.set("IsValid", Value::Bool(true));
    o.set("ExchangeVersion", Value::str("0.20 (15.0.0.0)"));
    o.set("Name", Value::str(&r.name));
    o.set("DistinguishedName", Value::str(dir.distinguished_name(r)));
    o.set("Guid", Value::str(&r.guid));
    o.set("ObjectCategory", Value::str(format!("{}/Configuration/Schema/Person", dir.org.domain)));
    let classes: Vec<String> = match object_class {
        "group" => vec!["top".into(), "group".into()],
        "contact" => vec!["top".into(), "person".into(), "organizationalPerson".into(), "contact".into()],
        _ => vec!["top".into(), "person".into(), "organizationalPerson".into(), "user".into()],
    };
    o.set("ObjectClass", strs(&classes));
    o.set("OrganizationId", Value::str(""));
    o.set("Id", id);
    o.set("OriginatingServer", Value::str(dir.org.domain_controller.clone()));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(identity_display(dir, i).into());
}

fn object_class_of(kind: RecipientKind) -> &'static str {
    if kind.is_group() {
        "group"
    } else if kind == RecipientKind::MailContact {
        "contact"
    } else {
        "user"
    }
}

/// A `ReducedRecipient` object (Get-Recipient).
pub fn recipient_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let mut o = deserialized(&[
        RECIPIENT_TYPE_NAME,
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    let db = r.database.as_deref().and_then(|d| dir.database_by_name(d));
    o.set("ArchiveGuid", Value::str("00000000-0000-0000-0000-000000000000"));
    o.set("ArchiveState", Value::str("None"));
    o.set("City", Value::str(""));
    o.set("Company", Value::str(""));
    o.set("CountryOrRegion", Value::Null);
    custom_attributes(&mut o);
    o.set("Database", db.map(|d| database_id(dir, d)).unwrap_or(Value::Null));
    o.set("Department", Value::str(&r.department));
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("EmailAddressPolicyEnabled", Value::Bool(!is_online(dir)));
    o.set("EmailAddresses", strs(&r.email_addresses));
    o.set(
        "ExchangeGuid",
        Value::str(r.exchange_guid.clone().unwrap_or_else(|| "00000000-0000-0000-0000-000000000000".into())),
    );
    o.set("ExternalDirectoryObjectId", Value::str(if is_online(dir) { r.guid.clone() } else { String::new() }));
    o.set("ExternalEmailAddress", r.external_email.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.set("FirstName", Value::str(&r.first_name));
    o.set("HiddenFromAddressListsEnabled", Value::Bool(r.hidden));
    o.set("LastName", Value::str(&r.last_name));
    o.set("ManagedBy", Value::array(Vec::new()));
    o.set("Office", Value::str(""));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    o.set("Phone", Value::str(""));
    o.set("PrimarySmtpAddress", Value::str(&r.primary_smtp));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("SamAccountName", Value::str(if r.sid.is_some() { r.alias.as_str() } else { "" }));
    o.set("ServerName", Value::str(if db.is_some() { dir.org.server.to_lowercase() } else { String::new() }));
    o.set("Title", Value::str(&r.title));
    o.set("UMEnabled", Value::Bool(false));
    o.set("WindowsLiveID", Value::str(if is_online(dir) { r.upn.clone().unwrap_or_default() } else { String::new() }));
    o.set("Alias", Value::str(&r.alias));
    identity_tail(dir, i, &mut o, object_class_of(r.kind));
    Value::object(o)
}

/// A `User` object (Get-User).
pub fn user_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let mut o = deserialized(&[
        USER_TYPE,
        "Microsoft.Exchange.Data.Directory.Management.OrgPerson",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("IsSecurityPrincipal", Value::Bool(true));
    o.set("SamAccountName", Value::str(&r.alias));
    o.set("Sid", Value::str(r.sid.clone().unwrap_or_default()));
    o.set("SidHistory", Value::array(Vec::new()));
    o.set("UserPrincipalName", Value::str(r.upn.clone().unwrap_or_default()));
    o.set("ResetPasswordOnNextLogon", Value::Bool(false));
    o.set("RemotePowerShellEnabled", Value::Bool(true));
    o.set("WindowsLiveID", Value::str(if is_online(dir) { r.upn.clone().unwrap_or_default() } else { String::new() }));
    o.set("AccountDisabled", Value::Bool(r.account_disabled));
    o.set("City", Value::str(""));
    o.set("Company", Value::str(""));
    o.set("CountryOrRegion", Value::Null);
    o.set("Department", Value::str(&r.department));
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("FirstName", Value::str(&r.first_name));
    o.set("Initials", Value::str(""));
    o.set("LastName", Value::str(&r.last_name));
    o.set("Manager", Value::Null);
    o.set("Office", Value::str(""));
    o.set("Phone", Value::str(""));
    o.set("Title", Value::str(&r.title));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    identity_tail(dir, i, &mut o, "user");
    Value::object(o)
}

/// `Microsoft.Exchange.Data.Directory.Management.DistributionGroup`.
pub const DISTRIBUTION_GROUP_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.DistributionGroup";
/// `Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase`.
pub const MAILBOX_DATABASE_TYPE: &str = "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase";

/// References to recipients (by Guid) as `ADObjectId` values, skipping unknown ones.
pub fn recipient_ids(dir: &Directory, guids: &[String]) -> Value {
    Value::array(guids.iter().filter_map(|g| dir.recipient_by_guid(g)).map(|i| recipient_id(dir, i)).collect())
}

/// A `DistributionGroup` object (Get-/New-DistributionGroup), properties in Exchange's order.
/// `GroupType` prints `Universal` or `Universal, SecurityEnabled`; the membership restrictions
/// are the defaults of each type (exsh does not store them).
pub fn distribution_group_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let security = r.kind == RecipientKind::MailUniversalSecurityGroup;
    let mut o = deserialized(&[
        DISTRIBUTION_GROUP_TYPE,
        "Microsoft.Exchange.Data.Directory.Management.DistributionGroupBase",
        "Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("GroupType", Value::str(if security { "Universal, SecurityEnabled" } else { "Universal" }));
    o.set("SamAccountName", Value::str(&r.alias));
    o.set("BypassNestedModerationEnabled", Value::Bool(false));
    o.set("ManagedBy", recipient_ids(dir, &r.managed_by));
    o.set("MemberJoinRestriction", Value::str("Closed"));
    o.set("MemberDepartRestriction", Value::str(if security { "Closed" } else { "Open" }));
    o.set("ReportToManagerEnabled", Value::Bool(false));
    o.set("ReportToOriginatorEnabled", Value::Bool(true));
    o.set("SendOofMessageToOriginatorEnabled", Value::Bool(false));
    o.set("Description", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFrom", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromDLMembers", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromSendersOrMembers", Value::array(Vec::new()));
    o.set("AddressListMembership", Value::array(Vec::new()));
    o.set("Alias", Value::str(&r.alias));
    o.set("ArbitrationMailbox", Value::Null);
    o.set("BypassModerationFromSendersOrMembers", Value::array(Vec::new()));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    custom_attributes(&mut o);
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("EmailAddresses", strs(&r.email_addresses));
    o.set("GrantSendOnBehalfTo", recipient_ids(dir, &r.grant_send_on_behalf_to));
    o.set("HiddenFromAddressListsEnabled", Value::Bool(r.hidden));
    o.set("LegacyExchangeDN", Value::str(dir.legacy_exchange_dn(r)));
    o.set("MaxSendSize", Value::str("Unlimited"));
    o.set("MaxReceiveSize", Value::str("Unlimited"));
    o.set("ModeratedBy", Value::array(Vec::new()));
    o.set("ModerationEnabled", Value::Bool(false));
    o.set("EmailAddressPolicyEnabled", Value::Bool(!is_online(dir)));
    o.set("PrimarySmtpAddress", Value::str(&r.primary_smtp));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("RejectMessagesFrom", Value::array(Vec::new()));
    o.set("RejectMessagesFromDLMembers", Value::array(Vec::new()));
    o.set("RejectMessagesFromSendersOrMembers", Value::array(Vec::new()));
    o.set("RequireSenderAuthenticationEnabled", Value::Bool(true));
    o.set("SimpleDisplayName", Value::str(""));
    o.set("SendModerationNotifications", Value::str("Always"));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    o.set("MailTip", Value::Null);
    o.set("ExternalDirectoryObjectId", Value::str(if is_online(dir) { r.guid.clone() } else { String::new() }));
    identity_tail(dir, i, &mut o, "group");
    Value::object(o)
}

/// A `MailboxDatabase` object (Get-MailboxDatabase). `status` adds the values -Status reads
/// from the running store (Mounted and friends are `$null` without it, as in Exchange).
pub fn mailbox_database_object(dir: &Directory, d: usize, status: bool) -> Value {
    let db = &dir.databases[d];
    let mut o = deserialized(&[
        MAILBOX_DATABASE_TYPE,
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.Database",
        "Microsoft.Exchange.Data.Directory.ADConfigurationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    let server = || {
        let dn = format!(
            "CN={},CN=Servers,CN={},CN=Administrative Groups,CN={},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}",
            db.server,
            crate::directory::identity::ADMIN_GROUP,
            dir.org.name,
            dir.domain_dn()
        );
        let mut s = deserialized(&[AD_OBJECT_ID_TYPE, "System.Object"]);
        s.set("Name", Value::str(&db.server));
        s.set("DistinguishedName", Value::str(dn));
        s.display = Some(db.server.clone().into());
        Value::object(s)
    };
    let install = dir.org.version.install_path().unwrap_or_default();
    let path = |file: &str| format!("{install}Mailbox\\{}\\{file}", db.name);
    o.set("JournalRecipient", Value::Null);
    o.set("MailboxRetention", Value::str("30.00:00:00"));
    o.set("OfflineAddressBook", Value::Null);
    o.set("OriginalDatabase", Value::Null);
    o.set("PublicFolderDatabase", Value::Null);
    o.set("ProhibitSendReceiveQuota", Value::str("Unlimited"));
    o.set("Recovery", Value::Bool(false));
    o.set("ProhibitSendQuota", Value::str("Unlimited"));
    o.set("IndexEnabled", Value::Bool(true));
    o.set("IsExcludedFromProvisioning", Value::Bool(false));
    o.set("IsSuspendedFromProvisioning", Value::Bool(false));
    o.set("DumpsterStatistics", Value::Null);
    o.set("DumpsterServersNotAvailable", Value::Null);
    o.set("ReplicationType", Value::str("None"));
    o.set("AdministrativeGroup", Value::str(crate::directory::identity::ADMIN_GROUP));
    o.set("AllowFileRestore", Value::Bool(false));
    o.set("BackupInProgress", if status { Value::Bool(false) } else { Value::Null });
    o.set("CircularLoggingEnabled", Value::Bool(false));
    o.set("DatabaseCreated", Value::Bool(true));
    o.set("DatabaseSize", if status { Value::str("1.07 GB (1,149,304,832 bytes)") } else { Value::Null });
    o.set("DeletedItemRetention", Value::str("14.00:00:00"));
    o.set("EdbFilePath", Value::str(path(&format!("{}.edb", db.name))));
    o.set("IssueWarningQuota", Value::str("Unlimited"));
    o.set("LogFolderPath", Value::str(path("")));
    o.set("MasterServerOrAvailabilityGroup", Value::str(&db.server));
    o.set("Mounted", if status { Value::Bool(true) } else { Value::Null });
    o.set("OnlineMaintenanceInProgress", if status { Value::Bool(false) } else { Value::Null });
    o.set("Server", server());
    o.set("ServerName", Value::str(&db.server));
    o.set("Servers", Value::array(vec![server()]));
    o.set("AdminDisplayName", Value::str(&db.name));
    o.set("ExchangeVersion", Value::str("0.10 (14.0.100.0)"));
    o.set("Name", Value::str(&db.name));
    o.set("DistinguishedName", Value::str(dir.database_dn(db)));
    o.set("Identity", database_id(dir, d));
    o.set("Guid", Value::str(&db.guid));
    o.set("ObjectCategory", Value::str(format!("{}/Configuration/Schema/ms-Exch-Private-MDB", dir.org.domain)));
    o.set("ObjectClass", strs(&["top".into(), "msExchMDB".into(), "msExchPrivateMDB".into()]));
    o.set("OriginatingServer", Value::str(dir.org.domain_controller.clone()));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(db.name.clone().into());
    Value::object(o)
}

/// True when `v` is a presentation object of this type (as written here, or deserialized).
pub fn is_presentation_object(v: &Value, type_name: &str) -> bool {
    match v {
        Value::Object(o) => o.borrow().type_names.iter().any(|t| t.ends_with(type_name)),
        _ => false,
    }
}
