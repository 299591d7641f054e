//! The directory's data: the organization, its recipients, databases, security principals and
//! every permission entry. Plain data; no serde (the store has its own schema types), no `Value`.
//!
//! References between objects use the target's Guid (recipients, databases) or SID (trustees),
//! so a deleted trustee leaves its SID behind, as an orphaned ACE does in AD.

/// Exchange versions exsh can behave as. The org file records which one an org is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExchangeVersion {
    /// Exchange Server 2010.
    Exchange2010,
    /// Exchange Server 2013.
    Exchange2013,
    /// Exchange Server 2016.
    Exchange2016,
    /// Exchange Server 2019 (the default).
    Exchange2019,
    /// Exchange Online.
    Online,
}

impl ExchangeVersion {
    /// All profiles, in the order `--exchange` documents them.
    pub const ALL: [ExchangeVersion; 5] = [
        ExchangeVersion::Exchange2010,
        ExchangeVersion::Exchange2013,
        ExchangeVersion::Exchange2016,
        ExchangeVersion::Exchange2019,
        ExchangeVersion::Online,
    ];

    /// The profile name used by `--exchange` and the org file.
    pub fn profile_name(self) -> &'static str {
        match self {
            ExchangeVersion::Exchange2010 => "Exchange2010",
            ExchangeVersion::Exchange2013 => "Exchange2013",
            ExchangeVersion::Exchange2016 => "Exchange2016",
            ExchangeVersion::Exchange2019 => "Exchange2019",
            ExchangeVersion::Online => "Online",
        }
    }

    /// Parses a profile name, case-insensitively.
    pub fn from_profile(s: &str) -> Option<ExchangeVersion> {
        ExchangeVersion::ALL.into_iter().find(|v| v.profile_name().eq_ignore_ascii_case(s))
    }

    /// True for Exchange Server (not Online).
    pub fn is_on_premises(self) -> bool {
        self != ExchangeVersion::Online
    }

    /// Where Setup installs Exchange (`$env:ExchangeInstallPath`): `V14` is Exchange 2010, `V15`
    /// 2013 and later; none for Exchange Online, which runs nothing locally.
    pub fn install_path(self) -> Option<&'static str> {
        match self {
            ExchangeVersion::Exchange2010 => Some("C:\\Program Files\\Microsoft\\Exchange Server\\V14\\"),
            ExchangeVersion::Online => None,
            _ => Some("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\"),
        }
    }
}

/// The service pack and update rollup an Exchange 2010 org runs (`SP3 RU8`). Exchange 2010 SP3
/// RU8 fixed the rule that Full Access plus Send on Behalf lets a delegate send as the mailbox
/// (seed 000), so the access model needs to know which side of it an org is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UpdateLevel {
    /// 0 for RTM, else the service pack.
    pub service_pack: u8,
    /// The update rollup, 0 for none.
    pub rollup: u8,
}

impl UpdateLevel {
    /// The last update of Exchange 2010: SP3 Update Rollup 32 (March 2021).
    pub const LATEST_2010: UpdateLevel = UpdateLevel { service_pack: 3, rollup: 32 };
    /// SP3 RU8: from here on Full Access plus Send on Behalf no longer means Send As.
    pub const SEND_AS_FIX: UpdateLevel = UpdateLevel { service_pack: 3, rollup: 8 };
    /// The last rollup of RTM, SP1, SP2 and SP3 (the build numbers page).
    const LAST_ROLLUP: [u8; 4] = [5, 8, 8, 32];

    /// Parses `RTM`, `SP2`, `SP3 RU8`, `SP3RU8` or `SP3 UR8`, case-insensitively.
    pub fn parse(text: &str) -> Result<UpdateLevel, String> {
        let bad = || {
            format!(
                "'{text}' is not an Exchange 2010 update level; use RTM, SP1, SP2 or SP3, optionally followed by an update rollup such as 'SP3 RU8' (RTM up to RU5, SP1 and SP2 up to RU8, SP3 up to RU32)"
            )
        };
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let (sp, rest) = if let Some(r) = t.strip_prefix("RTM") {
            (0u8, r)
        } else if let Some(r) = t.strip_prefix("SP") {
            let digits = r.chars().take_while(char::is_ascii_digit).count();
            let n: u8 = r[..digits].parse().map_err(|_| bad())?;
            if !(1..=3).contains(&n) {
                return Err(bad());
            }
            (n, &r[digits..])
        } else {
            return Err(bad());
        };
        let rollup = if rest.is_empty() {
            0
        } else {
            let r = rest.strip_prefix("RU").or_else(|| rest.strip_prefix("UR")).ok_or_else(bad)?;
            let n: u8 = r.parse().map_err(|_| bad())?;
            if n == 0 || n > Self::LAST_ROLLUP[sp as usize] {
                return Err(bad());
            }
            n
        };
        Ok(UpdateLevel { service_pack: sp, rollup })
    }

    /// The spelling the org file and messages use: `RTM`, `SP2`, `SP3 RU8`.
    pub fn name(self) -> String {
        let base = if self.service_pack == 0 { "RTM".to_string() } else { format!("SP{}", self.service_pack) };
        if self.rollup == 0 { base } else { format!("{base} RU{}", self.rollup) }
    }

    /// Get-ExchangeServer's AdminDisplayVersion: the service pack's build (rollups do not change
    /// it on Exchange 2010).
    pub fn admin_display_version(self) -> &'static str {
        match self.service_pack {
            0 => "Version 14.0 (Build 639.21)",
            1 => "Version 14.1 (Build 218.15)",
            2 => "Version 14.2 (Build 247.5)",
            _ => "Version 14.3 (Build 123.4)",
        }
    }

    /// Whether Full Access plus Send on Behalf still lets a delegate send as the mailbox.
    pub fn full_access_sends_as(self) -> bool {
        self < Self::SEND_AS_FIX
    }
}

/// Organization-wide facts.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgInfo {
    /// Organization name (`Contoso`).
    pub name: String,
    /// DNS domain (`contoso.com`).
    pub domain: String,
    /// NetBIOS domain (`CONTOSO`).
    pub netbios: String,
    /// Domain SID (`S-1-5-21-…`); account SIDs are `<domain sid>-<rid>`.
    pub domain_sid: String,
    /// Exchange server NetBIOS name (`EX01`).
    pub server: String,
    /// Domain controller FQDN (`DC01.contoso.com`), the "on '…'" of not-found errors.
    pub domain_controller: String,
    /// The version this org behaves as.
    pub version: ExchangeVersion,
    /// Exchange 2010 only: its service pack and update rollup.
    pub update_level: Option<UpdateLevel>,
    /// The next RID handed to a new account.
    pub next_rid: u32,
}

/// A mailbox database.
#[derive(Debug, Clone, PartialEq)]
pub struct Database {
    /// Name (`DB01`).
    pub name: String,
    /// Fixed Guid.
    pub guid: String,
    /// Server name (`EX01`).
    pub server: String,
    /// The database object's AD ACL (inherited Deny Send-As/Receive-As for admin groups; Receive-As grants).
    pub ad_acl: Vec<AdAce>,
    /// The AD object's owner SID set by Add-ADPermission -Owner; `None` is the default owner.
    pub ad_owner: Option<String>,
}

/// `RecipientTypeDetails` values exsh models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecipientKind {
    /// A user's mailbox.
    UserMailbox,
    /// Shared mailbox (disabled account).
    SharedMailbox,
    /// Room mailbox (disabled account).
    RoomMailbox,
    /// Equipment mailbox (disabled account).
    EquipmentMailbox,
    /// Mail-enabled universal security group.
    MailUniversalSecurityGroup,
    /// Universal distribution group.
    MailUniversalDistributionGroup,
    /// Mail contact (external address, no account).
    MailContact,
    /// Mail user (account with an external address).
    MailUser,
}

impl RecipientKind {
    /// The `RecipientTypeDetails` name.
    pub fn details_name(self) -> &'static str {
        match self {
            RecipientKind::UserMailbox => "UserMailbox",
            RecipientKind::SharedMailbox => "SharedMailbox",
            RecipientKind::RoomMailbox => "RoomMailbox",
            RecipientKind::EquipmentMailbox => "EquipmentMailbox",
            RecipientKind::MailUniversalSecurityGroup => "MailUniversalSecurityGroup",
            RecipientKind::MailUniversalDistributionGroup => "MailUniversalDistributionGroup",
            RecipientKind::MailContact => "MailContact",
            RecipientKind::MailUser => "MailUser",
        }
    }

    /// The `RecipientType` name (every mailbox kind is `UserMailbox`).
    pub fn type_name(self) -> &'static str {
        match self {
            RecipientKind::UserMailbox
            | RecipientKind::SharedMailbox
            | RecipientKind::RoomMailbox
            | RecipientKind::EquipmentMailbox => "UserMailbox",
            other => other.details_name(),
        }
    }

    /// True for the four mailbox kinds.
    pub fn is_mailbox(self) -> bool {
        self.type_name() == "UserMailbox"
    }

    /// True for groups.
    pub fn is_group(self) -> bool {
        matches!(self, RecipientKind::MailUniversalSecurityGroup | RecipientKind::MailUniversalDistributionGroup)
    }

    /// True for the recipient types `-User`/`-Trustee`/`-Owner` accept by name
    /// (SecurityPrincipalIdParameter.AllowedRecipientTypes: UserMailbox, MailUser,
    /// MailUniversalSecurityGroup; not distribution groups or contacts).
    pub fn is_security_principal(self) -> bool {
        self.is_mailbox() || matches!(self, RecipientKind::MailUser | RecipientKind::MailUniversalSecurityGroup)
    }

    /// Parses a `RecipientTypeDetails` name.
    pub fn from_details_name(s: &str) -> Option<RecipientKind> {
        use RecipientKind::*;
        [
            UserMailbox,
            SharedMailbox,
            RoomMailbox,
            EquipmentMailbox,
            MailUniversalSecurityGroup,
            MailUniversalDistributionGroup,
            MailContact,
            MailUser,
        ]
        .into_iter()
        .find(|k| k.details_name().eq_ignore_ascii_case(s))
    }
}

/// A mail-enabled recipient (mailbox, group, contact, mail user) with its AD user/group object.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    /// Fixed Guid (the AD objectGUID).
    pub guid: String,
    /// Mailbox Guid (`ExchangeGuid`), mailboxes only.
    pub exchange_guid: Option<String>,
    /// The account or group SID; `None` for contacts.
    pub sid: Option<String>,
    /// `Name` (the CN).
    pub name: String,
    /// `Alias` (also the SamAccountName).
    pub alias: String,
    /// `DisplayName`.
    pub display_name: String,
    /// `FirstName`.
    pub first_name: String,
    /// `LastName`.
    pub last_name: String,
    /// `Title`.
    pub title: String,
    /// `Department`.
    pub department: String,
    /// `RecipientTypeDetails`.
    pub kind: RecipientKind,
    /// `UserPrincipalName`, accounts only.
    pub upn: Option<String>,
    /// `PrimarySmtpAddress`.
    pub primary_smtp: String,
    /// `EmailAddresses` with prefixes (`SMTP:karen@contoso.com`, `smtp:…`).
    pub email_addresses: Vec<String>,
    /// `ExternalEmailAddress` (contacts and mail users), with its `SMTP:` prefix.
    pub external_email: Option<String>,
    /// Database name, mailboxes only.
    pub database: Option<String>,
    /// `AccountDisabled` (shared, room and equipment mailboxes).
    pub account_disabled: bool,
    /// `HiddenFromAddressListsEnabled`.
    pub hidden: bool,
    /// Group members (Guids of recipients), groups only.
    pub members: Vec<String>,
    /// `ManagedBy` (Guids of recipients, the group's owners), groups only.
    pub managed_by: Vec<String>,
    /// `GrantSendOnBehalfTo` (Guids of recipients), in the order AD returns them.
    pub grant_send_on_behalf_to: Vec<String>,
    /// The mailbox security descriptor (Get-MailboxPermission), in canonical order.
    pub mailbox_acl: Vec<MailboxAce>,
    /// The AD object's ACL entries exsh tracks (Send-As, Receive-As, other rights).
    pub ad_acl: Vec<AdAce>,
    /// Mailbox folders and their permissions, mailboxes only.
    pub folders: Vec<Folder>,
    /// Auto-mapping: Guids of users whose Outlook maps this mailbox (msExchDelegateListLink).
    pub delegate_list_link: Vec<String>,
    /// The mailbox security descriptor's owner SID (Add-MailboxPermission -Owner); `None` is the
    /// default owner, `NT AUTHORITY\SELF`.
    pub mailbox_owner: Option<String>,
    /// The AD object's owner SID (Add-ADPermission -Owner); `None` is the default owner.
    pub ad_owner: Option<String>,
    /// Calendar processing settings set by Set-CalendarProcessing; `None` means the defaults of
    /// the mailbox's kind ([`Directory::default_calendar_processing`](super::Directory::default_calendar_processing)).
    pub calendar: Option<CalendarProcessing>,
    /// Forwarding and sent-item copies set by Set-Mailbox; `None` means the defaults (no
    /// forwarding, no copies).
    pub mail_flow: Option<MailFlow>,
}

/// A mailbox's delivery settings exsh keeps (Set-Mailbox): all off by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailFlow {
    /// `ForwardingAddress`: the Guid of the recipient messages are forwarded to.
    pub forwarding_address: Option<String>,
    /// `ForwardingSmtpAddress`, with its prefix (`smtp:ann@fabrikam.com`).
    pub forwarding_smtp_address: Option<String>,
    /// `DeliverToMailboxAndForward`.
    pub deliver_to_mailbox_and_forward: bool,
    /// `MessageCopyForSentAsEnabled` (Exchange 2013 and later).
    pub message_copy_for_sent_as: bool,
    /// `MessageCopyForSendOnBehalfEnabled` (Exchange 2013 and later).
    pub message_copy_for_send_on_behalf: bool,
}

/// `CalendarProcessingFlags` (-AutomateProcessing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AutomateProcessing {
    /// `None`: calendar processing is off.
    None,
    /// `AutoUpdate`: only the Calendar Attendant (user mailboxes; resources made in PowerShell on-premises).
    AutoUpdate,
    /// `AutoAccept`: the resource booking attendant accepts or declines.
    AutoAccept,
}

impl AutomateProcessing {
    /// Names and numbers, in enum order.
    pub const MEMBERS: &[(&str, u64)] = &[("None", 0), ("AutoUpdate", 1), ("AutoAccept", 2)];

    /// Its number.
    pub fn bits(self) -> u64 {
        match self {
            AutomateProcessing::None => 0,
            AutomateProcessing::AutoUpdate => 1,
            AutomateProcessing::AutoAccept => 2,
        }
    }

    /// The value of a number.
    pub fn from_bits(bits: u64) -> Option<AutomateProcessing> {
        [AutomateProcessing::None, AutomateProcessing::AutoUpdate, AutomateProcessing::AutoAccept]
            .into_iter()
            .find(|a| a.bits() == bits)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        Self::MEMBERS[self.bits() as usize].0
    }

    /// The value of a name, case-insensitively.
    pub fn from_name(name: &str) -> Option<AutomateProcessing> {
        Self::MEMBERS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).and_then(|(_, b)| Self::from_bits(*b))
    }
}

/// The calendar processing settings exsh keeps (Get-/Set-CalendarProcessing). ResourceDelegates
/// is not here: it is the mailbox's GrantSendOnBehalfTo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarProcessing {
    /// `AutomateProcessing`.
    pub automate_processing: AutomateProcessing,
    /// `AllBookInPolicy`.
    pub all_book_in_policy: bool,
    /// `AllRequestInPolicy`.
    pub all_request_in_policy: bool,
    /// `AllRequestOutOfPolicy`.
    pub all_request_out_of_policy: bool,
    /// `BookInPolicy` (recipient Guids).
    pub book_in_policy: Vec<String>,
    /// `RequestInPolicy` (recipient Guids).
    pub request_in_policy: Vec<String>,
    /// `RequestOutOfPolicy` (recipient Guids).
    pub request_out_of_policy: Vec<String>,
    /// `ForwardRequestsToDelegates`.
    pub forward_requests_to_delegates: bool,
    /// `AllowConflicts`.
    pub allow_conflicts: bool,
    /// `AllowRecurringMeetings`.
    pub allow_recurring_meetings: bool,
    /// `BookingWindowInDays` (0–1080).
    pub booking_window_in_days: u32,
    /// `MaximumDurationInMinutes`.
    pub maximum_duration_in_minutes: u32,
    /// `AddOrganizerToSubject`.
    pub add_organizer_to_subject: bool,
    /// `DeleteComments`.
    pub delete_comments: bool,
    /// `DeleteSubject`.
    pub delete_subject: bool,
    /// `ProcessExternalMeetingMessages`.
    pub process_external_meeting_messages: bool,
}

/// A built-in or non-mail security principal (`NT AUTHORITY\SELF`, `CONTOSO\Domain Admins`).
#[derive(Debug, Clone, PartialEq)]
pub struct Principal {
    /// SID.
    pub sid: String,
    /// NT account name, e.g. `NT AUTHORITY\SELF`.
    pub account: String,
    /// Name (the part after the backslash).
    pub name: String,
    /// True for groups.
    pub is_group: bool,
    /// Members (Guids of recipients or SIDs of principals), groups only.
    pub members: Vec<String>,
}

/// `ActiveDirectorySecurityInheritance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inheritance {
    /// `None`
    None,
    /// `All` (the default)
    All,
    /// `Descendents`
    Descendents,
    /// `SelfAndChildren`
    SelfAndChildren,
    /// `Children`
    Children,
}

impl Inheritance {
    /// `ActiveDirectorySecurityInheritance` names and numbers, in enum order.
    pub const MEMBERS: &[(&str, u64)] =
        &[("None", 0), ("All", 1), ("Descendents", 2), ("SelfAndChildren", 3), ("Children", 4)];

    /// Its `ActiveDirectorySecurityInheritance` number.
    pub fn bits(self) -> u64 {
        match self {
            Inheritance::None => 0,
            Inheritance::All => 1,
            Inheritance::Descendents => 2,
            Inheritance::SelfAndChildren => 3,
            Inheritance::Children => 4,
        }
    }

    /// The value of an `ActiveDirectorySecurityInheritance` number.
    pub fn from_bits(bits: u64) -> Option<Inheritance> {
        [
            Inheritance::None,
            Inheritance::All,
            Inheritance::Descendents,
            Inheritance::SelfAndChildren,
            Inheritance::Children,
        ]
        .into_iter()
        .find(|i| i.bits() == bits)
    }

    /// Its name (`SelfAndChildren`).
    pub fn name(self) -> &'static str {
        Inheritance::MEMBERS.iter().find(|(_, b)| *b == self.bits()).map_or("All", |(n, _)| n)
    }

    /// The value of a name, case-insensitively.
    pub fn from_name(name: &str) -> Option<Inheritance> {
        Inheritance::MEMBERS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).and_then(|(_, b)| Self::from_bits(*b))
    }
}

/// One mailbox-permission ACE (Get-MailboxPermission row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxAce {
    /// The trustee's SID.
    pub sid: String,
    /// `MailboxRights` bits.
    pub rights: u64,
    /// Deny entry.
    pub deny: bool,
    /// Inheritance type.
    pub inheritance: Inheritance,
    /// Inherited from the database (not removable from the mailbox).
    pub inherited: bool,
}

/// One AD ACE (Get-ADPermission row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdAce {
    /// The trustee's SID.
    pub sid: String,
    /// `ActiveDirectoryRights` bits.
    pub rights: u64,
    /// Extended rights by schema name (`Send-As`, `Receive-As`, `ms-Exch-Store-Admin`).
    pub extended_rights: Vec<String>,
    /// Properties the ACE is limited to (`-Properties`), by name.
    pub properties: Vec<String>,
    /// Deny entry.
    pub deny: bool,
    /// Inheritance type.
    pub inheritance: Inheritance,
    /// Inherited.
    pub inherited: bool,
}

/// A mailbox folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Folder {
    /// Path below the root without leading backslash (`Calendar`, `Inbox\Projects`); empty for the root.
    pub path: String,
    /// Its permission entries in order (Default, Anonymous, then users).
    pub permissions: Vec<FolderAce>,
}

/// Who a folder permission is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderUser {
    /// The `Default` entry.
    Default,
    /// The `Anonymous` entry.
    Anonymous,
    /// An internal user or group, by SID.
    Sid(String),
    /// An external SMTP address.
    External(String),
}

/// One folder permission entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderAce {
    /// The user.
    pub user: FolderUser,
    /// `MailboxFolderAccessRight` bits (roles are combinations; AvailabilityOnly/LimitedDetails have their own bits).
    pub rights: u64,
    /// `SharingPermissionFlags` bits (Online: Delegate = 1, CanViewPrivateItems = 2).
    pub sharing_flags: u64,
}
