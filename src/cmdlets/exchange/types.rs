//! The .NET enum types the Exchange cmdlets take and return (MailboxRights, ActiveDirectoryRights,
//! inheritance, folder rights, recipient types…), as `static EnumType`s built on the bit values in
//! `directory::rights`. Printing and parsing rules live in `value::enums`; this file only declares.

use crate::directory::rights::{ad, folder, mailbox, sharing};
use crate::directory::{AutomateProcessing, Inheritance, RecipientKind};
use crate::value::{EnumType, EnumValue, Value};

/// `Microsoft.Exchange.Management.RecipientTasks.MailboxRights` ([Flags]).
pub static MAILBOX_RIGHTS: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights",
    flags: true,
    members: mailbox::MEMBERS,
};

/// `System.DirectoryServices.ActiveDirectoryRights` ([Flags]).
pub static AD_RIGHTS: EnumType =
    EnumType { name: "System.DirectoryServices.ActiveDirectoryRights", flags: true, members: ad::MEMBERS };

/// `System.DirectoryServices.ActiveDirectorySecurityInheritance`.
pub static INHERITANCE: EnumType = EnumType {
    name: "System.DirectoryServices.ActiveDirectorySecurityInheritance",
    flags: false,
    members: Inheritance::MEMBERS,
};

/// Folder rights and roles in one type (`MailboxFolderAccessRight` accepts both). An element is
/// an individual right when its bits are one of `rights::folder::RIGHTS`, otherwise a role.
pub static FOLDER_ACCESS_RIGHT: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight",
    flags: false,
    members: folder::ACCESS_RIGHTS,
};

/// `Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermissionFlags` ([Flags], Online).
pub static SHARING_PERMISSION_FLAGS: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermissionFlags",
    flags: true,
    members: sharing::MEMBERS,
};

/// `Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType` (-FolderScope of
/// Get-MailboxFolderStatistics). The numbers are exsh's (the docs list only the names).
pub static ELC_FOLDER_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType",
    flags: false,
    members: &[
        ("Calendar", 1),
        ("Contacts", 2),
        ("DeletedItems", 3),
        ("Drafts", 4),
        ("Inbox", 5),
        ("JunkEmail", 6),
        ("Journal", 7),
        ("Notes", 8),
        ("Outbox", 9),
        ("SentItems", 10),
        ("Tasks", 11),
        ("All", 12),
        ("ManagedCustomFolder", 13),
        ("RssSubscriptions", 14),
        ("SyncIssues", 15),
        ("ConversationHistory", 16),
        ("Personal", 17),
        ("RecoverableItems", 18),
        ("NonIpmRoot", 19),
        ("LegacyArchiveJournals", 20),
        ("Archive", 21),
    ],
};

/// `Microsoft.Exchange.Data.Storage.CalendarProcessingFlags` (-AutomateProcessing).
pub static CALENDAR_PROCESSING_FLAGS: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Storage.CalendarProcessingFlags",
    flags: false,
    members: AutomateProcessing::MEMBERS,
};

/// `Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight` (only SendAs).
pub static RECIPIENT_ACCESS_RIGHT: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight",
    flags: true,
    members: &[("SendAs", 1)],
};

/// `System.Security.AccessControl.AccessControlType`.
pub static ACCESS_CONTROL_TYPE: EnumType = EnumType {
    name: "System.Security.AccessControl.AccessControlType",
    flags: false,
    members: &[("Allow", 0), ("Deny", 1)],
};

/// `Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails` ([Flags], Int64).
pub static RECIPIENT_TYPE_DETAILS: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails",
    flags: true,
    members: &[
        ("None", 0),
        ("UserMailbox", 1),
        ("LinkedMailbox", 2),
        ("SharedMailbox", 4),
        ("LegacyMailbox", 8),
        ("RoomMailbox", 16),
        ("EquipmentMailbox", 32),
        ("MailContact", 64),
        ("MailUser", 128),
        ("MailUniversalDistributionGroup", 256),
        ("MailNonUniversalGroup", 512),
        ("MailUniversalSecurityGroup", 1024),
        ("DynamicDistributionGroup", 2048),
        ("PublicFolder", 4096),
        ("SystemAttendantMailbox", 8192),
        ("SystemMailbox", 16384),
        ("MailForestContact", 32768),
        ("User", 65536),
        ("Contact", 131072),
        ("UniversalDistributionGroup", 262144),
        ("UniversalSecurityGroup", 524288),
        ("NonUniversalGroup", 1048576),
        ("DisabledUser", 2097152),
        ("MicrosoftExchange", 4194304),
        ("ArbitrationMailbox", 8388608),
        ("MailboxPlan", 16777216),
        ("LinkedUser", 33554432),
        ("RoomList", 268435456),
        ("DiscoveryMailbox", 536870912),
        ("RoleGroup", 1073741824),
        ("RemoteUserMailbox", 2147483648),
        ("Computer", 4294967296),
        ("RemoteRoomMailbox", 8589934592),
        ("RemoteEquipmentMailbox", 17179869184),
        ("RemoteSharedMailbox", 34359738368),
        ("PublicFolderMailbox", 68719476736),
        ("TeamMailbox", 137438953472),
        ("RemoteTeamMailbox", 274877906944),
        ("MonitoringMailbox", 549755813888),
        ("GroupMailbox", 1099511627776),
        ("LinkedRoomMailbox", 2199023255552),
        ("AuditLogMailbox", 4398046511104),
        ("RemoteGroupMailbox", 8796093022208),
        ("SchedulingMailbox", 17592186044416),
        ("GuestMailUser", 35184372088832),
        ("AuxAuditLogMailbox", 70368744177664),
        ("SupervisoryReviewPolicyMailbox", 140737488355328),
        ("SharedWithMailUser", 281474976710656),
    ],
};

/// `Microsoft.Exchange.Data.Directory.Recipient.RecipientType`.
pub static RECIPIENT_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Directory.Recipient.RecipientType",
    flags: false,
    members: &[
        ("Invalid", 0),
        ("User", 1),
        ("UserMailbox", 2),
        ("MailUser", 3),
        ("Contact", 4),
        ("MailContact", 5),
        ("Group", 6),
        ("MailUniversalDistributionGroup", 7),
        ("MailUniversalSecurityGroup", 8),
        ("MailNonUniversalGroup", 9),
        ("DynamicDistributionGroup", 10),
        ("PublicFolder", 11),
        ("PublicDatabase", 12),
        ("SystemAttendantMailbox", 13),
        ("SystemMailbox", 14),
        ("MicrosoftExchange", 15),
        ("Computer", 16),
    ],
};

/// `Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType` (Set-Mailbox -Type).
pub static CONVERTIBLE_MAILBOX_SUB_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType",
    flags: false,
    members: &[("Regular", 1), ("Shared", 4), ("Room", 16), ("Equipment", 32), ("Workspace", 64), ("Desk", 128)],
};

/// An enum value as a `Value`.
pub fn enum_value(ty: &'static EnumType, bits: u64) -> Value {
    Value::Enum(EnumValue { ty, bits })
}

/// The `RecipientTypeDetails` value of a recipient kind.
pub fn recipient_type_details(kind: RecipientKind) -> Value {
    let bits = RECIPIENT_TYPE_DETAILS.lookup(kind.details_name()).unwrap_or(0);
    enum_value(&RECIPIENT_TYPE_DETAILS, bits)
}

/// The `RecipientType` value of a recipient kind.
pub fn recipient_type(kind: RecipientKind) -> Value {
    let bits = RECIPIENT_TYPE.lookup(kind.type_name()).unwrap_or(0);
    enum_value(&RECIPIENT_TYPE, bits)
}

/// The directory's inheritance value for an `ActiveDirectorySecurityInheritance` number (an
/// unknown number is the default, All).
pub fn inheritance_from_bits(bits: u64) -> Inheritance {
    Inheritance::from_bits(bits).unwrap_or(crate::directory::apply::DEFAULT_INHERITANCE)
}

/// True when a folder-rights element is an individual right (not a role).
pub fn is_individual_folder_right(bits: u64) -> bool {
    folder::RIGHTS.iter().any(|(_, v)| *v == bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_rights_print_in_bit_order() {
        assert_eq!(MAILBOX_RIGHTS.format(0x2_0001), "FullAccess, ReadPermission");
        assert_eq!(
            MAILBOX_RIGHTS.format(0xF_0001),
            "FullAccess, DeleteItem, ReadPermission, ChangePermission, ChangeOwner"
        );
        assert_eq!(MAILBOX_RIGHTS.parse("full").map(|v| v.bits), Ok(1));
    }

    #[test]
    fn ad_rights_of_mailbox_bits() {
        assert_eq!(AD_RIGHTS.format(0xF_0001), "CreateChild, Delete, ReadControl, WriteDacl, WriteOwner");
        assert_eq!(AD_RIGHTS.format(ad::EXTENDED_RIGHT), "ExtendedRight");
    }

    #[test]
    fn folder_roles_and_rights() {
        assert_eq!(FOLDER_ACCESS_RIGHT.parse("editor").map(|v| v.bits), Ok(0x47B));
        assert!(is_individual_folder_right(FOLDER_ACCESS_RIGHT.lookup("ReadItems").unwrap_or(0)));
        assert!(!is_individual_folder_right(FOLDER_ACCESS_RIGHT.lookup("AvailabilityOnly").unwrap_or(0)));
        assert!(!is_individual_folder_right(0));
    }

    #[test]
    fn recipient_types() {
        assert_eq!(
            crate::value::convert::to_string(&recipient_type_details(RecipientKind::SharedMailbox)),
            "SharedMailbox"
        );
        assert_eq!(crate::value::convert::to_string(&recipient_type(RecipientKind::RoomMailbox)), "UserMailbox");
    }
}
