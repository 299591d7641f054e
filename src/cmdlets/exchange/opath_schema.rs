//! Which properties each cmdlet's OPATH `-Filter` recognizes, and what type their values have:
//! the table of Microsoft's "Filterable properties for the Filter parameter" article
//! (office-docs-powershell `exchange/docs-conceptual/filter-properties.md`), reduced to the four
//! cmdlets exsh filters (docs/reference/strict-rules.md §3). A property not listed for a cmdlet
//! is "not a recognized filterable property" there, even when the cmdlet's objects show it.

/// The value type a filter literal must convert to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Strings, DNs, GUIDs, sizes, dates: any literal is accepted.
    Text,
    /// `System.Boolean` (`$true`, `$false`, 'True', 'False').
    Bool,
    /// `System.Int32`.
    Int,
    /// An Exchange enum, by .NET type name.
    Enum(&'static str),
}

/// The cmdlet whose filter schema applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Get-Mailbox.
    Mailbox,
    /// Get-Recipient.
    Recipient,
    /// Get-User.
    User,
    /// Get-DistributionGroup.
    DistributionGroup,
}

impl Target {
    fn letter(self) -> char {
        match self {
            Target::Mailbox => 'M',
            Target::Recipient => 'R',
            Target::User => 'U',
            Target::DistributionGroup => 'G',
        }
    }
}

/// The property's canonical name and value kind, when `target`'s filter recognizes it
/// (case-insensitive).
pub fn lookup(target: Target, property: &str) -> Option<(&'static str, Kind)> {
    ROWS.iter()
        .find(|(n, cmdlets, _)| n.eq_ignore_ascii_case(property) && cmdlets.contains(target.letter()))
        .map(|(n, _, k)| (*n, *k))
}

/// Every property `target`'s filter recognizes, in the order the error lists them.
pub fn names(target: Target) -> Vec<&'static str> {
    ROWS.iter().filter(|(_, cmdlets, _)| cmdlets.contains(target.letter())).map(|(n, _, _)| *n).collect()
}

/// (name, the cmdlets: G = Get-DistributionGroup, M = Get-Mailbox, R = Get-Recipient, U = Get-User, kind),
/// sorted case-insensitively.
#[rustfmt::skip]
const ROWS: &[(&str, &str, Kind)] = &[
    ("AcceptMessagesOnlyFrom", "GM", Kind::Text),
    ("AcceptMessagesOnlyFromDLMembers", "GM", Kind::Text),
    ("ActiveSyncMailboxPolicy", "R", Kind::Text),
    ("AddressBookPolicy", "MR", Kind::Text),
    ("AddressListMembership", "GMR", Kind::Text),
    ("AdministrativeUnits", "GMU", Kind::Text),
    ("AggregatedMailboxGuids", "M", Kind::Text),
    ("Alias", "GMR", Kind::Text),
    ("AllowUMCallsFromNonUsers", "U", Kind::Text),
    ("ArbitrationMailbox", "GM", Kind::Text),
    ("ArchiveDatabase", "MR", Kind::Text),
    ("ArchiveDomain", "M", Kind::Text),
    ("ArchiveGuid", "MR", Kind::Text),
    ("ArchiveName", "M", Kind::Text),
    ("ArchiveQuota", "M", Kind::Text),
    ("ArchiveRelease", "MRU", Kind::Text),
    ("ArchiveState", "MR", Kind::Text),
    ("ArchiveStatus", "MR", Kind::Text),
    ("ArchiveWarningQuota", "M", Kind::Text),
    ("AssistantName", "U", Kind::Text),
    ("AuditEnabled", "M", Kind::Bool),
    ("AuditLogAgeLimit", "M", Kind::Text),
    ("AuthenticationPolicy", "U", Kind::Text),
    ("BlockedSendersHash", "R", Kind::Text),
    ("C", "RU", Kind::Text),
    ("CalendarLoggingQuota", "M", Kind::Text),
    ("CalendarRepairDisabled", "M", Kind::Bool),
    ("CertificateSubject", "U", Kind::Text),
    ("City", "RU", Kind::Text),
    ("Company", "RU", Kind::Text),
    ("ComplianceTagHoldApplied", "M", Kind::Bool),
    ("ConsumerNetID", "U", Kind::Text),
    ("CountryCode", "RU", Kind::Int),
    ("CountryOrRegion", "RU", Kind::Text),
    ("CustomAttribute1", "GMR", Kind::Text),
    ("CustomAttribute10", "GMR", Kind::Text),
    ("CustomAttribute11", "GMR", Kind::Text),
    ("CustomAttribute12", "GMR", Kind::Text),
    ("CustomAttribute13", "GMR", Kind::Text),
    ("CustomAttribute14", "GMR", Kind::Text),
    ("CustomAttribute15", "GMR", Kind::Text),
    ("CustomAttribute2", "GMR", Kind::Text),
    ("CustomAttribute3", "GMR", Kind::Text),
    ("CustomAttribute4", "GMR", Kind::Text),
    ("CustomAttribute5", "GMR", Kind::Text),
    ("CustomAttribute6", "GMR", Kind::Text),
    ("CustomAttribute7", "GMR", Kind::Text),
    ("CustomAttribute8", "GMR", Kind::Text),
    ("CustomAttribute9", "GMR", Kind::Text),
    ("Database", "MR", Kind::Text),
    ("DefaultPublicFolderMailbox", "M", Kind::Text),
    ("DeletedItemFlags", "M", Kind::Text),
    ("DeliverToMailboxAndForward", "M", Kind::Bool),
    ("Department", "RU", Kind::Text),
    ("DirectReports", "U", Kind::Text),
    ("DisabledArchiveDatabase", "M", Kind::Text),
    ("DisabledArchiveGuid", "M", Kind::Text),
    ("DisplayName", "GMRU", Kind::Text),
    ("DistinguishedName", "GMRU", Kind::Text),
    ("EmailAddresses", "GMR", Kind::Text),
    ("EmailAddressPolicyEnabled", "GMR", Kind::Bool),
    ("ExchangeGuid", "MR", Kind::Text),
    ("ExchangeUserAccountControl", "M", Kind::Text),
    ("ExchangeVersion", "GMRU", Kind::Int),
    ("ExpansionServer", "GR", Kind::Text),
    ("ExtensionCustomAttribute1", "GMR", Kind::Text),
    ("ExtensionCustomAttribute2", "GMR", Kind::Text),
    ("ExtensionCustomAttribute3", "GMR", Kind::Text),
    ("ExtensionCustomAttribute4", "GMR", Kind::Text),
    ("ExtensionCustomAttribute5", "GMR", Kind::Text),
    ("ExternalDirectoryObjectId", "GMRU", Kind::Text),
    ("ExternalEmailAddress", "R", Kind::Text),
    ("ExternalOofOptions", "M", Kind::Text),
    ("Fax", "U", Kind::Text),
    ("FirstName", "RU", Kind::Text),
    ("ForwardingAddress", "M", Kind::Text),
    ("ForwardingSmtpAddress", "M", Kind::Text),
    ("GeneratedOfflineAddressBooks", "M", Kind::Text),
    ("GrantSendOnBehalfTo", "GM", Kind::Text),
    ("GroupType", "G", Kind::Text),
    ("Guid", "GMRU", Kind::Text),
    ("HasActiveSyncDevicePartnership", "R", Kind::Bool),
    ("HiddenFromAddressListsEnabled", "GMR", Kind::Bool),
    ("HomePhone", "U", Kind::Text),
    ("Id", "GMRU", Kind::Text),
    ("ImmutableId", "M", Kind::Text),
    ("IncludeInGarbageCollection", "M", Kind::Bool),
    ("Initials", "U", Kind::Text),
    ("InPlaceHolds", "M", Kind::Text),
    ("InPlaceHoldsRaw", "U", Kind::Text),
    ("IsDirSynced", "GMRU", Kind::Bool),
    ("IsExcludedFromServingHierarchy", "M", Kind::Bool),
    ("IsHierarchyReady", "M", Kind::Bool),
    ("IsHierarchySyncEnabled", "M", Kind::Bool),
    ("IsInactiveMailbox", "M", Kind::Bool),
    ("IsLinked", "MU", Kind::Bool),
    ("IsMailboxEnabled", "M", Kind::Bool),
    ("IsResource", "M", Kind::Bool),
    ("IsSecurityPrincipal", "U", Kind::Bool),
    ("IsShared", "M", Kind::Bool),
    ("IsSoftDeletedByDisable", "MU", Kind::Bool),
    ("IsSoftDeletedByRemove", "MU", Kind::Bool),
    ("IssueWarningQuota", "M", Kind::Text),
    ("JournalArchiveAddress", "M", Kind::Text),
    ("LanguagesRaw", "M", Kind::Text),
    ("LastExchangeChangedTime", "GM", Kind::Text),
    ("LastName", "RU", Kind::Text),
    ("LegacyExchangeDN", "GMU", Kind::Text),
    ("LitigationHoldDate", "M", Kind::Text),
    ("LitigationHoldEnabled", "MR", Kind::Bool),
    ("LitigationHoldOwner", "M", Kind::Text),
    ("MailboxContainerGUID", "M", Kind::Text),
    ("MailboxMoveBatchName", "MR", Kind::Text),
    ("MailboxMoveFlags", "MR", Kind::Text),
    ("MailboxMoveRemoteHostName", "MR", Kind::Text),
    ("MailboxMoveSourceMDB", "MR", Kind::Text),
    ("MailboxMoveStatus", "MR", Kind::Text),
    ("MailboxMoveTargetMDB", "MR", Kind::Text),
    ("MailboxPlan", "M", Kind::Text),
    ("MailboxRelease", "MRU", Kind::Text),
    ("MailTipTranslations", "GM", Kind::Text),
    ("ManagedBy", "GR", Kind::Text),
    ("ManagedFolderMailboxPolicy", "MR", Kind::Text),
    ("Manager", "RU", Kind::Text),
    ("MasterAccountSid", "MRU", Kind::Text),
    ("MaxBlockedSenders", "M", Kind::Int),
    ("MaxReceiveSize", "GM", Kind::Text),
    ("MaxSafeSenders", "M", Kind::Int),
    ("MaxSendSize", "GM", Kind::Text),
    ("MemberDepartRestriction", "G", Kind::Text),
    ("MemberJoinRestriction", "G", Kind::Text),
    ("MemberOfGroup", "GMRU", Kind::Text),
    ("Members", "GR", Kind::Text),
    ("MobilePhone", "U", Kind::Text),
    ("ModeratedBy", "GM", Kind::Text),
    ("ModerationEnabled", "GM", Kind::Bool),
    ("Name", "GMRU", Kind::Text),
    ("NetID", "MU", Kind::Text),
    ("Notes", "RU", Kind::Text),
    ("ObjectCategory", "GMRU", Kind::Text),
    ("ObjectClass", "GMRU", Kind::Text),
    ("Office", "MRU", Kind::Text),
    ("OfflineAddressBook", "M", Kind::Text),
    ("OtherFax", "U", Kind::Text),
    ("OtherHomePhone", "U", Kind::Text),
    ("OtherTelephone", "U", Kind::Text),
    ("OWAMailboxPolicy", "R", Kind::Text),
    ("Pager", "U", Kind::Text),
    ("PersistedCapabilities", "M", Kind::Text),
    ("Phone", "RU", Kind::Text),
    ("PhoneticDisplayName", "U", Kind::Text),
    ("PoliciesExcluded", "GMR", Kind::Text),
    ("PoliciesIncluded", "GMR", Kind::Text),
    ("PostalCode", "RU", Kind::Text),
    ("PostOfficeBox", "U", Kind::Text),
    ("PreviousRecipientTypeDetails", "U", Kind::Text),
    ("PrimarySmtpAddress", "GMR", Kind::Text),
    ("ProhibitSendQuota", "M", Kind::Text),
    ("ProhibitSendReceiveQuota", "M", Kind::Text),
    ("ProtocolSettings", "M", Kind::Text),
    ("QueryBaseDN", "M", Kind::Text),
    ("RecipientLimits", "M", Kind::Int),
    ("RecipientType", "GMRU", Kind::Enum("Microsoft.Exchange.Data.Directory.Recipient.RecipientType")),
    ("RecipientTypeDetails", "GMRU", Kind::Enum("Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails")),
    ("RecoverableItemsQuota", "M", Kind::Text),
    ("RecoverableItemsWarningQuota", "M", Kind::Text),
    ("RejectMessagesFrom", "GM", Kind::Text),
    ("RejectMessagesFromDLMembers", "GM", Kind::Text),
    ("RemoteAccountPolicy", "M", Kind::Text),
    ("RemotePowerShellEnabled", "U", Kind::Bool),
    ("RemoteRecipientType", "M", Kind::Text),
    ("ReportToManagerEnabled", "G", Kind::Bool),
    ("ReportToOriginatorEnabled", "G", Kind::Bool),
    ("RequireAllSendersAreAuthenticated", "GM", Kind::Bool),
    ("ResourceCapacity", "M", Kind::Int),
    ("ResourceCustom", "M", Kind::Text),
    ("ResourceType", "MR", Kind::Text),
    ("RetainDeletedItemsFor", "M", Kind::Text),
    ("RetentionComment", "M", Kind::Text),
    ("RetentionPolicy", "MR", Kind::Text),
    ("RetentionUrl", "M", Kind::Text),
    ("RoleAssignmentPolicy", "M", Kind::Text),
    ("RulesQuota", "M", Kind::Text),
    ("SafeRecipientsHash", "R", Kind::Text),
    ("SafeSendersHash", "R", Kind::Text),
    ("SamAccountName", "GMRU", Kind::Text),
    ("SCLDeleteThresholdInt", "M", Kind::Text),
    ("SCLJunkThresholdInt", "M", Kind::Text),
    ("SCLQuarantineThresholdInt", "M", Kind::Text),
    ("SCLRejectThresholdInt", "M", Kind::Text),
    ("SendOofMessageToOriginatorEnabled", "G", Kind::Bool),
    ("ServerLegacyDN", "MR", Kind::Text),
    ("ServerName", "MR", Kind::Text),
    ("SharingPolicy", "MR", Kind::Text),
    ("Sid", "U", Kind::Text),
    ("SidHistory", "U", Kind::Text),
    ("SimpleDisplayName", "GMU", Kind::Text),
    ("SingleItemRecoveryEnabled", "M", Kind::Bool),
    ("SKUAssigned", "MRU", Kind::Bool),
    ("SourceAnchor", "M", Kind::Text),
    ("StateOrProvince", "RU", Kind::Text),
    ("StreetAddress", "U", Kind::Text),
    ("StsRefreshTokensValidFrom", "MU", Kind::Text),
    ("TelephoneAssistant", "U", Kind::Text),
    ("ThrottlingPolicy", "M", Kind::Text),
    ("Title", "RU", Kind::Text),
    ("UMCallingLineIds", "U", Kind::Text),
    ("UMDtmfMap", "GMU", Kind::Text),
    ("UMEnabled", "MR", Kind::Bool),
    ("UMMailboxPolicy", "R", Kind::Text),
    ("UMRecipientDialPlanId", "R", Kind::Text),
    ("UpgradeRequest", "U", Kind::Text),
    ("UpgradeStatus", "U", Kind::Text),
    ("UsageLocation", "MR", Kind::Text),
    ("UseDatabaseQuotaDefaults", "M", Kind::Bool),
    ("UserAccountControl", "U", Kind::Text),
    ("UserPrincipalName", "MU", Kind::Text),
    ("VoiceMailSettings", "U", Kind::Text),
    ("WebPage", "U", Kind::Text),
    ("WhenChanged", "GMRU", Kind::Text),
    ("WhenChangedUTC", "GMRU", Kind::Text),
    ("WhenCreated", "GMRU", Kind::Text),
    ("WhenCreatedUTC", "GMRU", Kind::Text),
    ("WhenMailboxCreated", "MR", Kind::Text),
    ("WhenSoftDeleted", "MU", Kind::Text),
    ("WindowsEmailAddress", "GMU", Kind::Text),
    ("WindowsLiveID", "MRU", Kind::Text),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_cmdlet_schemas() {
        assert_eq!(lookup(Target::Mailbox, "alias"), Some(("Alias", Kind::Text)));
        assert_eq!(lookup(Target::Mailbox, "HiddenFromAddressListsEnabled").map(|x| x.1), Some(Kind::Bool));
        // Department is a user attribute: Get-Recipient and Get-User filter on it, Get-Mailbox doesn't.
        assert!(lookup(Target::Mailbox, "Department").is_none());
        assert!(lookup(Target::Recipient, "Department").is_some());
        assert!(lookup(Target::User, "Title").is_some());
        assert!(lookup(Target::Recipient, "IsSecurityPrincipal").is_none());
        let n = names(Target::Recipient);
        let mut sorted = n.clone();
        sorted.sort_by_key(|a| a.to_ascii_lowercase());
        assert_eq!(n, sorted);
    }
}
