//! Get-EXOMailbox, Get-EXORecipient and Get-EXOCasMailbox: the REST twins of Get-Mailbox,
//! Get-Recipient and Get-CASMailbox. They select recipients with the RPS cmdlets' query code
//! (`recipient::common_filters`, OPATH), build the full directory object, and return only the
//! property sets asked for.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::directory::Directory;
use crate::value::{EnumType, PsObject, Value};

use super::super::objects::{mailbox_object, recipient_object, user_object};
use super::super::recipient::common_filters;
use super::super::types::RECIPIENT_TYPE;
use super::super::{ONLINE, enum_list, opath, scope_of};
use super::{PropertySets, identity_param, limit, project, result_size, service_error, target, target_params};

/// Get-EXOMailbox.
pub struct GetExoMailbox;
/// Get-EXORecipient.
pub struct GetExoRecipient;
/// Get-EXOCasMailbox.
pub struct GetExoCasMailbox;

/// `Microsoft.Exchange.Management.RestApiClient.GetExoMailbox+PropertySet`, names in the order
/// the binding error lists them.
pub static MAILBOX_PROPERTY_SET: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RestApiClient.GetExoMailbox+PropertySet",
    flags: false,
    members: &[
        ("All", 0),
        ("Minimum", 1),
        ("AddressList", 2),
        ("Archive", 3),
        ("Audit", 4),
        ("Custom", 5),
        ("Delivery", 6),
        ("Hold", 7),
        ("Moderation", 8),
        ("Move", 9),
        ("Policy", 10),
        ("PublicFolder", 11),
        ("Quota", 12),
        ("Resource", 13),
        ("Retention", 14),
        ("SCL", 15),
        ("SoftDelete", 16),
        ("StatisticsSeed", 17),
    ],
};

/// `Microsoft.Exchange.Management.RestApiClient.GetExoRecipient+PropertySet`.
pub static RECIPIENT_PROPERTY_SET: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RestApiClient.GetExoRecipient+PropertySet",
    flags: false,
    members: &[("Minimum", 0), ("Archive", 1), ("Custom", 2), ("MailboxMove", 3), ("Policy", 4)],
};

/// `Microsoft.Exchange.Management.RestApiClient.GetExoCasMailbox+PropertySet`.
pub static CAS_PROPERTY_SET: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RestApiClient.GetExoCasMailbox+PropertySet",
    flags: false,
    members: &[
        ("Minimum", 0),
        ("ActiveSync", 1),
        ("Ews", 2),
        ("Imap", 3),
        ("Mapi", 4),
        ("Pop", 5),
        ("ProtocolSettings", 6),
    ],
};

const CUSTOM: &[&str] = &[
    "CustomAttribute1",
    "CustomAttribute2",
    "CustomAttribute3",
    "CustomAttribute4",
    "CustomAttribute5",
    "CustomAttribute6",
    "CustomAttribute7",
    "CustomAttribute8",
    "CustomAttribute9",
    "CustomAttribute10",
    "CustomAttribute11",
    "CustomAttribute12",
    "CustomAttribute13",
    "CustomAttribute14",
    "CustomAttribute15",
    "ExtensionCustomAttribute1",
    "ExtensionCustomAttribute2",
    "ExtensionCustomAttribute3",
    "ExtensionCustomAttribute4",
    "ExtensionCustomAttribute5",
    "ExternalDirectoryObjectId",
];

/// Get-EXOMailbox's sets (docs: cmdlet-property-sets.md). The minimum set's members are the
/// doc's; their order is exsh's (docs/reference/exchange-online.md).
static MAILBOX_SETS: PropertySets = PropertySets {
    minimum: &[
        "ExternalDirectoryObjectId",
        "UserPrincipalName",
        "Alias",
        "DisplayName",
        "EmailAddresses",
        "PrimarySmtpAddress",
        "RecipientType",
        "RecipientTypeDetails",
        "Identity",
        "Id",
        "ExchangeVersion",
        "Name",
        "DistinguishedName",
        "OrganizationId",
        "Guid",
    ],
    sets: &[
        (
            "AddressList",
            &[
                "AddressBookPolicy",
                "AddressListMembership",
                "ExternalDirectoryObjectId",
                "GeneratedOfflineAddressBooks",
                "HiddenFromAddressListsEnabled",
                "OfflineAddressBook",
            ],
        ),
        (
            "Archive",
            &[
                "ArchiveDatabase",
                "ArchiveDomain",
                "ArchiveGuid",
                "ArchiveName",
                "ArchiveQuota",
                "ArchiveRelease",
                "ArchiveState",
                "ArchiveStatus",
                "ArchiveWarningQuota",
                "AutoExpandingArchiveEnabled",
                "DisabledArchiveDatabase",
                "DisabledArchiveGuid",
                "ExternalDirectoryObjectId",
                "JournalArchiveAddress",
            ],
        ),
        (
            "Audit",
            &[
                "AuditAdmin",
                "AuditDelegate",
                "AuditEnabled",
                "AuditLogAgeLimit",
                "AuditOwner",
                "DefaultAuditSet",
                "ExternalDirectoryObjectId",
            ],
        ),
        ("Custom", CUSTOM),
        (
            "Delivery",
            &[
                "AcceptMessagesOnlyFrom",
                "AcceptMessagesOnlyFromDLMembers",
                "AcceptMessagesOnlyFromSendersOrMembers",
                "DeliverToMailboxAndForward",
                "DowngradeHighPriorityMessagesEnabled",
                "ExternalDirectoryObjectId",
                "ForwardingAddress",
                "ForwardingSmtpAddress",
                "GrantSendOnBehalfTo",
                "MaxBlockedSenders",
                "MaxReceiveSize",
                "MaxSafeSenders",
                "MaxSendSize",
                "MessageCopyForSendOnBehalfEnabled",
                "MessageCopyForSentAsEnabled",
                "MessageRecallProcessingEnabled",
                "MessageTrackingReadStatusEnabled",
                "RecipientLimits",
                "RejectMessagesFrom",
                "RejectMessagesFromDLMembers",
                "RejectMessagesFromSendersOrMembers",
                "RulesQuota",
            ],
        ),
        (
            "Hold",
            &[
                "ComplianceTagHoldApplied",
                "DelayHoldApplied",
                "ExternalDirectoryObjectId",
                "InPlaceHolds",
                "InactiveMailboxRetireTime",
                "LitigationHoldDate",
                "LitigationHoldDuration",
                "LitigationHoldEnabled",
                "LitigationHoldOwner",
            ],
        ),
        (
            "Moderation",
            &[
                "BypassModerationFromSendersOrMembers",
                "ExternalDirectoryObjectId",
                "ModeratedBy",
                "ModerationEnabled",
                "SendModerationNotifications",
            ],
        ),
        (
            "Move",
            &[
                "ExternalDirectoryObjectId",
                "MailboxMoveBatchName",
                "MailboxMoveFlags",
                "MailboxMoveRemoteHostName",
                "MailboxMoveSourceMDB",
                "MailboxMoveStatus",
                "MailboxMoveTargetMDB",
            ],
        ),
        (
            "Policy",
            &[
                "AddressBookPolicy",
                "DataEncryptionPolicy",
                "EmailAddressPolicyEnabled",
                "ExternalDirectoryObjectId",
                "ManagedFolderMailboxPolicy",
                "PoliciesExcluded",
                "PoliciesIncluded",
                "RemoteAccountPolicy",
                "RetentionPolicy",
                "RetentionUrl",
                "RoleAssignmentPolicy",
                "SharingPolicy",
                "ThrottlingPolicy",
            ],
        ),
        (
            "PublicFolder",
            &[
                "DefaultPublicFolderMailbox",
                "EffectivePublicFolderMailbox",
                "ExternalDirectoryObjectId",
                "IsExcludedFromServingHierarchy",
                "IsHierarchyReady",
                "IsHierarchySyncEnabled",
                "IsRootPublicFolderMailbox",
            ],
        ),
        (
            "Quota",
            &[
                "ArchiveQuota",
                "ArchiveWarningQuota",
                "CalendarLoggingQuota",
                "ExternalDirectoryObjectId",
                "IssueWarningQuota",
                "ProhibitSendQuota",
                "ProhibitSendReceiveQuota",
                "RecoverableItemsQuota",
                "RecoverableItemsWarningQuota",
                "RulesQuota",
                "UseDatabaseQuotaDefaults",
            ],
        ),
        (
            "Resource",
            &[
                "ExternalDirectoryObjectId",
                "IsResource",
                "ResourceCapacity",
                "ResourceCustom",
                "ResourceType",
                "RoomMailboxAccountEnabled",
            ],
        ),
        (
            "Retention",
            &[
                "EndDateForRetentionHold",
                "ExternalDirectoryObjectId",
                "OrphanSoftDeleteTrackingTime",
                "RetainDeletedItemsFor",
                "RetainDeletedItemsUntilBackup",
                "RetentionComment",
                "RetentionHoldEnabled",
                "RetentionPolicy",
                "RetentionUrl",
                "SingleItemRecoveryEnabled",
                "StartDateForRetentionHold",
                "UseDatabaseRetentionDefaults",
            ],
        ),
        (
            "SCL",
            &[
                "AntispamBypassEnabled",
                "ExternalDirectoryObjectId",
                "SCLDeleteEnabled",
                "SCLDeleteThreshold",
                "SCLJunkEnabled",
                "SCLJunkThreshold",
                "SCLQuarantineEnabled",
                "SCLQuarantineThreshold",
                "SCLRejectEnabled",
                "SCLRejectThreshold",
            ],
        ),
        (
            "SoftDelete",
            &[
                "ExternalDirectoryObjectId",
                "IncludeInGarbageCollection",
                "IsInactiveMailbox",
                "IsSoftDeletedByDisable",
                "IsSoftDeletedByRemove",
                "WhenSoftDeleted",
            ],
        ),
        ("StatisticsSeed", &["ArchiveDatabaseGuid", "DatabaseGuid", "ExchangeGuid", "ExternalDirectoryObjectId"]),
    ],
};

/// Get-EXORecipient's sets. The minimum members are the ones a real listing shows, in its order.
static RECIPIENT_SETS: PropertySets = PropertySets {
    minimum: &[
        "ExternalDirectoryObjectId",
        "Identity",
        "Alias",
        "EmailAddresses",
        "DisplayName",
        "Name",
        "PrimarySmtpAddress",
        "RecipientType",
        "RecipientTypeDetails",
        "ExchangeVersion",
        "DistinguishedName",
        "OrganizationId",
        "Guid",
    ],
    sets: &[
        ("Archive", &["ArchiveDatabase", "ArchiveGuid", "ArchiveRelease", "ArchiveState", "ArchiveStatus"]),
        ("Custom", CUSTOM),
        (
            "MailboxMove",
            &[
                "MailboxMoveBatchName",
                "MailboxMoveFlags",
                "MailboxMoveRemoteHostName",
                "MailboxMoveSourceMDB",
                "MailboxMoveStatus",
                "MailboxMoveTargetMDB",
            ],
        ),
        (
            "Policy",
            &[
                "ActiveSyncMailboxPolicy",
                "ActiveSyncMailboxPolicyIsDefaulted",
                "AddressBookPolicy",
                "EmailAddressPolicyEnabled",
                "ManagedFolderMailboxPolicy",
                "OwaMailboxPolicy",
                "PoliciesExcluded",
                "PoliciesIncluded",
                "RetentionPolicy",
                "SharingPolicy",
                "ShouldUseDefaultRetentionPolicy",
                "UMMailboxPolicy",
            ],
        ),
    ],
};

/// Get-EXOCasMailbox's sets (members as the doc lists them).
static CAS_SETS: PropertySets = PropertySets {
    minimum: &[
        "ActiveSyncEnabled",
        "DisplayName",
        "ECPEnabled",
        "EmailAddresses",
        "EwsEnabled",
        "ExchangeVersion",
        "Guid",
        "Identity",
        "ImapEnabled",
        "MAPIEnabled",
        "Name",
        "OWAEnabled",
        "OrganizationId",
        "PopEnabled",
        "PrimarySmtpAddress",
        "ServerLegacyDN",
    ],
    sets: &[
        (
            "ActiveSync",
            &[
                "ActiveSyncAllowedDeviceIDs",
                "ActiveSyncBlockedDeviceIDs",
                "ActiveSyncEnabled",
                "ActiveSyncMailboxPolicy",
                "ActiveSyncMailboxPolicyIsDefaulted",
                "ActiveSyncSuppressReadReceipt",
                "ExternalDirectoryObjectId",
                "Guid",
                "HasActiveSyncDevicePartnership",
                "Identity",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Ews",
            &[
                "EwsAllowMacOutlook",
                "EwsAllowOutlook",
                "EwsEnabled",
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Imap",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "ImapEnableExactRFC822Size",
                "ImapEnabled",
                "ImapForceICalForCalendarRetrievalOption",
                "ImapMessagesRetrievalMimeFormat",
                "ImapSuppressReadReceipt",
                "ImapUseProtocolDefaults",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Mapi",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "MAPIBlockOutlookExternalConnectivity",
                "MAPIBlockOutlookNonCachedMode",
                "MAPIBlockOutlookRpcHttp",
                "MAPIBlockOutlookVersions",
                "MAPIEnabled",
                "MapiHttpEnabled",
                "Name",
                "OrganizationId",
            ],
        ),
        (
            "Pop",
            &[
                "ExternalDirectoryObjectId",
                "Guid",
                "Identity",
                "Name",
                "OrganizationId",
                "PopEnableExactRFC822Size",
                "PopEnabled",
                "PopMessagesRetrievalMimeFormat",
                "PopSuppressReadReceipt",
                "PopUseProtocolDefaults",
            ],
        ),
        (
            "ProtocolSettings",
            &[
                "ExternalDirectoryObjectId",
                "ExternalImapSettings",
                "ExternalPopSettings",
                "ExternalSmtpSettings",
                "Guid",
                "Identity",
                "InternalImapSettings",
                "InternalPopSettings",
                "InternalSmtpSettings",
                "Name",
                "OrganizationId",
            ],
        ),
    ],
};

/// Switches of Get-EXOMailbox that return only kinds of mailbox exsh's organizations never hold.
const ONLY_KIND: &[(&str, &str)] = &[
    ("Archive", "Returns only mailboxes that have an archive."),
    ("GroupMailbox", "Reserved for internal Microsoft use."),
    ("InactiveMailboxOnly", "Returns only inactive mailboxes."),
    ("Migration", "Reserved for internal Microsoft use."),
    ("PublicFolder", "Reserved for internal Microsoft use."),
    ("SoftDeletedMailbox", "Returns only soft-deleted mailboxes."),
];

/// The query parameters Get-EXOMailbox and Get-EXORecipient share.
fn query_params(sig: Signature, kind: IdentityKind, identity_help: &'static str) -> Signature {
    let sig = sig.param(identity_param(kind, &["Identity"], true, identity_help));
    target_params(sig, &["Identity"])
        .param(
            Param::new("Anr", ParamType::String)
                .sets(&["Anr"])
                .help("Ambiguous name resolution: a partial string matched against CommonName, DisplayName, FirstName, LastName and Alias."),
        )
        .param(Param::new("Filter", ParamType::String).help("An OPATH filter such as \"Department -eq 'Sales'\"."))
        .param(
            Param::new("OrganizationalUnit", ParamType::String)
                .help("Only objects in this OU or domain (name, canonical name, DN or GUID)."),
        )
        .param(result_size())
}

/// The recipients a query returns: the target, or every recipient the identity kind names,
/// then -Anr, -RecipientTypeDetails, -OrganizationalUnit and -Filter (read on the full object,
/// then on the user for attributes it lacks).
fn query(
    dir: &Directory,
    args: &BoundArgs,
    kind: IdentityKind,
    full: fn(&Directory, usize) -> Value,
) -> Result<Vec<(usize, Value)>, crate::cmdlet::CmdletError> {
    let found = match target(dir, args, kind)? {
        Some(i) => vec![i],
        None => {
            let scope = scope_of(dir, kind);
            (0..dir.recipients.len()).filter(|i| scope.includes(dir.recipients[*i].kind)).collect()
        }
    };
    let found = common_filters(dir, args, found).map_err(service_error)?;
    let filter = match args.opt::<String>("Filter").filter(|f| !f.is_empty()) {
        Some(f) => Some(opath::parse(&f)?),
        None => None,
    };
    let mut out = Vec::new();
    for i in found {
        let v = full(dir, i);
        let user = std::cell::OnceCell::new();
        let lookup = |p: &str| v.property(p).or_else(|| user.get_or_init(|| user_object(dir, i)).property(p));
        if filter.as_ref().is_none_or(|f| f.matches_with(&lookup)) {
            out.push((i, v));
        }
    }
    Ok(out)
}

/// Projects each full object onto the selected properties and writes them, then the
/// -ResultSize warning.
fn write(
    cx: &mut dyn Context,
    args: &BoundArgs,
    sets: &PropertySets,
    found: Vec<(usize, Value)>,
    class: &str,
) -> CmdletResult {
    let (found, warning) = limit(args, found);
    for (_, full) in found {
        let Value::Object(o) = &full else { continue };
        let names = sets.selected(args, &o.borrow(), class)?;
        let v = project(&o.borrow(), &names);
        cx.output(v);
    }
    if let Some(w) = warning {
        cx.warning(w);
    }
    Ok(())
}

/// Get-Mailbox's object with the names the REST service adds (Id, OrganizationId).
fn mailbox_full(dir: &Directory, i: usize) -> Value {
    mailbox_object(dir, i)
}

const MAILBOX_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoMailbox";
const RECIPIENT_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoRecipient";
const CAS_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoCasMailbox";

impl Cmdlet for GetExoMailbox {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOMailbox", MAILBOX_CLASS, Origin::Core)
            .synopsis("Gets mailbox objects through the REST API: the minimum property set unless more is asked for.")
            .versions(ONLINE)
            .sets(&["Identity", "Anr"]);
        let mut sig = query_params(
            sig,
            IdentityKind::Mailbox,
            "The mailbox: UPN, GUID, name, alias, DN, domain\\user, email address, LegacyExchangeDN or SamAccountName.",
        )
        .param(
            Param::new("RecipientTypeDetails", ParamType::String)
                .array()
                .help("Only mailboxes of these subtypes: UserMailbox, SharedMailbox, RoomMailbox, EquipmentMailbox…"),
        )
        .param(Param::new("MailboxPlan", ParamType::String).help("Only mailboxes with this mailbox plan."))
        .param(Param::new("IncludeInactiveMailbox", ParamType::Switch).help("Adds inactive mailboxes to the results."))
        .param(Param::new("Async", ParamType::Switch).help("Reserved for internal Microsoft use."));
        for (name, help) in ONLY_KIND {
            sig = sig.param(Param::new(name, ParamType::Switch).help(help));
        }
        PropertySets::params(sig, &MAILBOX_PROPERTY_SET)
            .example("Get-EXOMailbox -ResultSize unlimited", "Lists every mailbox with the minimum property set.")
            .example("Get-EXOMailbox -PropertySets Archive", "Adds the Archive property set.")
            .example(
                "Get-EXOMailbox -Identity John@contoso.com -Properties DisplayName,EmailAddresses,Alias",
                "Shows these properties of one mailbox.",
            )
            .example(
                "Get-EXOMailbox -ResultSize Unlimited -Properties GrantSendOnBehalfTo | Where-Object { $_.GrantSendOnBehalfTo.Count -gt 0 }",
                "Lists the mailboxes that have Send on Behalf delegates.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, MAILBOX_CLASS)?;
        let dir = cx.directory();
        let mut found = query(dir, args, IdentityKind::Mailbox, mailbox_full)?;
        if ONLY_KIND.iter().any(|(n, _)| args.switch(n)) || args.has("MailboxPlan") {
            found.clear();
        }
        write(cx, args, &MAILBOX_SETS, found, MAILBOX_CLASS)
    }
}

impl Cmdlet for GetExoRecipient {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXORecipient", RECIPIENT_CLASS, Origin::Core)
            .synopsis("Gets recipient objects (mailboxes, mail users, contacts, groups) through the REST API.")
            .versions(ONLINE)
            .sets(&["Identity", "Anr"]);
        let sig = query_params(
            sig,
            IdentityKind::Recipient,
            "The recipient: UPN, GUID, name, alias, DN, domain\\user, email address, LegacyExchangeDN or SamAccountName.",
        )
        .param(
            Param::new("RecipientType", ParamType::String)
                .array()
                .help("Only recipients of these types: UserMailbox, MailUser, MailContact, MailUniversalDistributionGroup…"),
        )
        .param(
            Param::new("RecipientTypeDetails", ParamType::String)
                .array()
                .help("Only recipients of these subtypes: UserMailbox, SharedMailbox, MailUniversalSecurityGroup…"),
        )
        .param(Param::new("IncludeSoftDeletedRecipients", ParamType::Switch).help("Includes soft-deleted recipients."))
        .param(Param::new("RecipientPreviewFilter", ParamType::String).help("Reserved for internal Microsoft use."));
        PropertySets::params(sig, &RECIPIENT_PROPERTY_SET)
            .example("Get-EXORecipient -ResultSize 100", "Returns the first 100 recipients.")
            .example("Get-EXORecipient -Identity john@contoso.com", "Shows one recipient.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, RECIPIENT_CLASS)?;
        let dir = cx.directory();
        let mut found = query(dir, args, IdentityKind::Recipient, recipient_object)?;
        if args.has("RecipientType") {
            let types = enum_list(args, "RecipientType", &RECIPIENT_TYPE).map_err(service_error)?;
            found.retain(|(i, _)| {
                types.contains(&RECIPIENT_TYPE.lookup(dir.recipients[*i].kind.type_name()).unwrap_or(0))
            });
        }
        write(cx, args, &RECIPIENT_SETS, found, RECIPIENT_CLASS)
    }
}

/// The CAS mailbox settings of mailbox `i`: every protocol on, the defaults of a new mailbox.
fn cas_full(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let mbx = mailbox_object(dir, i);
    let mut o = PsObject::custom();
    let t = Value::Bool(true);
    let f = Value::Bool(false);
    let get = |p: &str| mbx.property(p).unwrap_or(Value::Null);
    for (k, v) in [
        ("ActiveSyncAllowedDeviceIDs", Value::array(Vec::new())),
        ("ActiveSyncBlockedDeviceIDs", Value::array(Vec::new())),
        ("ActiveSyncEnabled", t.clone()),
        ("ActiveSyncMailboxPolicy", Value::str("Default")),
        ("ActiveSyncMailboxPolicyIsDefaulted", t.clone()),
        ("ActiveSyncSuppressReadReceipt", f.clone()),
        ("DisplayName", Value::str(&r.display_name)),
        ("ECPEnabled", t.clone()),
        ("EmailAddresses", get("EmailAddresses")),
        ("EwsAllowMacOutlook", Value::Null),
        ("EwsAllowOutlook", Value::Null),
        ("EwsEnabled", t.clone()),
        ("ExchangeVersion", get("ExchangeVersion")),
        ("ExternalDirectoryObjectId", get("ExternalDirectoryObjectId")),
        ("Guid", get("Guid")),
        ("HasActiveSyncDevicePartnership", f.clone()),
        ("Identity", get("Identity")),
        ("ImapEnableExactRFC822Size", f.clone()),
        ("ImapEnabled", t.clone()),
        ("ImapForceICalForCalendarRetrievalOption", f.clone()),
        ("ImapMessagesRetrievalMimeFormat", Value::str("BestBodyFormat")),
        ("ImapSuppressReadReceipt", f.clone()),
        ("ImapUseProtocolDefaults", t.clone()),
        ("MAPIBlockOutlookExternalConnectivity", f.clone()),
        ("MAPIBlockOutlookNonCachedMode", f.clone()),
        ("MAPIBlockOutlookRpcHttp", f.clone()),
        ("MAPIBlockOutlookVersions", Value::str("")),
        ("MAPIEnabled", t.clone()),
        ("MapiHttpEnabled", Value::Null),
        ("Name", Value::str(&r.name)),
        ("OWAEnabled", t.clone()),
        ("OrganizationId", get("OrganizationId")),
        ("PopEnableExactRFC822Size", f.clone()),
        ("PopEnabled", t.clone()),
        ("PopMessagesRetrievalMimeFormat", Value::str("BestBodyFormat")),
        ("PopSuppressReadReceipt", f.clone()),
        ("PopUseProtocolDefaults", t),
        ("PrimarySmtpAddress", Value::str(&r.primary_smtp)),
        ("ServerLegacyDN", get("ServerLegacyDN")),
    ] {
        o.set(k, v);
    }
    Value::object(o)
}

impl Cmdlet for GetExoCasMailbox {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOCasMailbox", CAS_CLASS, Origin::Core)
            .synopsis("Gets the client access settings (ActiveSync, EWS, IMAP, MAPI, OWA, POP) of mailboxes through the REST API.")
            .versions(ONLINE)
            .sets(&["Identity", "Anr"]);
        let sig = query_params(
            sig,
            IdentityKind::Mailbox,
            "The mailbox: UPN, GUID, name, alias, DN, domain\\user, email address, LegacyExchangeDN or SamAccountName.",
        )
        .param(
            Param::new("ActiveSyncDebugLogging", ParamType::Switch)
                .help("Returns the ActiveSync debug logging setting."),
        );
        PropertySets::params(sig, &CAS_PROPERTY_SET)
            .example("Get-EXOCasMailbox -Identity john@contoso.com", "Shows the minimum set of John's CAS settings.")
            .example("Get-EXOCasMailbox -PropertySets Imap,Pop", "Shows the IMAP and POP settings of every mailbox.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, CAS_CLASS)?;
        let dir = cx.directory();
        let found = query(dir, args, IdentityKind::Mailbox, cas_full)?;
        write(cx, args, &CAS_SETS, found, CAS_CLASS)
    }
}
