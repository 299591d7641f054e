//! Permission names and bit values: MailboxRights, ActiveDirectoryRights and the extended rights,
//! mailbox folder rights and roles, sharing permission flags. This is their one home: the enum
//! types that print and parse them (cmdlets) and the org file (store) read these tables, so the
//! directory can reason about access without `Value`.

/// `Microsoft.Exchange.Management.RecipientTasks.MailboxRights`.
pub mod mailbox {
    /// FullAccess
    pub const FULL_ACCESS: u64 = 0x1;
    /// SendAs (not settable through Add-MailboxPermission)
    pub const SEND_AS: u64 = 0x2;
    /// ExternalAccount
    pub const EXTERNAL_ACCOUNT: u64 = 0x4;
    /// DeleteItem
    pub const DELETE_ITEM: u64 = 0x1_0000;
    /// ReadPermission
    pub const READ_PERMISSION: u64 = 0x2_0000;
    /// ChangePermission
    pub const CHANGE_PERMISSION: u64 = 0x4_0000;
    /// ChangeOwner
    pub const CHANGE_OWNER: u64 = 0x8_0000;
    /// Members in `Enum.GetNames` order.
    pub const MEMBERS: &[(&str, u64)] = &[
        ("FullAccess", FULL_ACCESS),
        ("SendAs", SEND_AS),
        ("ExternalAccount", EXTERNAL_ACCOUNT),
        ("DeleteItem", DELETE_ITEM),
        ("ReadPermission", READ_PERMISSION),
        ("ChangePermission", CHANGE_PERMISSION),
        ("ChangeOwner", CHANGE_OWNER),
    ];
}

/// `System.DirectoryServices.ActiveDirectoryRights`.
pub mod ad {
    /// CreateChild
    pub const CREATE_CHILD: u64 = 0x1;
    /// DeleteChild
    pub const DELETE_CHILD: u64 = 0x2;
    /// ListChildren
    pub const LIST_CHILDREN: u64 = 0x4;
    /// Self
    pub const SELF: u64 = 0x8;
    /// ReadProperty
    pub const READ_PROPERTY: u64 = 0x10;
    /// WriteProperty
    pub const WRITE_PROPERTY: u64 = 0x20;
    /// DeleteTree
    pub const DELETE_TREE: u64 = 0x40;
    /// ListObject
    pub const LIST_OBJECT: u64 = 0x80;
    /// ExtendedRight
    pub const EXTENDED_RIGHT: u64 = 0x100;
    /// Delete
    pub const DELETE: u64 = 0x1_0000;
    /// ReadControl
    pub const READ_CONTROL: u64 = 0x2_0000;
    /// GenericExecute
    pub const GENERIC_EXECUTE: u64 = 0x2_0004;
    /// GenericWrite
    pub const GENERIC_WRITE: u64 = 0x2_0028;
    /// GenericRead
    pub const GENERIC_READ: u64 = 0x2_0094;
    /// WriteDacl
    pub const WRITE_DACL: u64 = 0x4_0000;
    /// WriteOwner
    pub const WRITE_OWNER: u64 = 0x8_0000;
    /// GenericAll
    pub const GENERIC_ALL: u64 = 0xF_01FF;
    /// Synchronize
    pub const SYNCHRONIZE: u64 = 0x10_0000;
    /// AccessSystemSecurity
    pub const ACCESS_SYSTEM_SECURITY: u64 = 0x100_0000;
    /// Members in `Enum.GetNames` order (ascending value).
    pub const MEMBERS: &[(&str, u64)] = &[
        ("CreateChild", CREATE_CHILD),
        ("DeleteChild", DELETE_CHILD),
        ("ListChildren", LIST_CHILDREN),
        ("Self", SELF),
        ("ReadProperty", READ_PROPERTY),
        ("WriteProperty", WRITE_PROPERTY),
        ("DeleteTree", DELETE_TREE),
        ("ListObject", LIST_OBJECT),
        ("ExtendedRight", EXTENDED_RIGHT),
        ("Delete", DELETE),
        ("ReadControl", READ_CONTROL),
        ("GenericExecute", GENERIC_EXECUTE),
        ("GenericWrite", GENERIC_WRITE),
        ("GenericRead", GENERIC_READ),
        ("WriteDacl", WRITE_DACL),
        ("WriteOwner", WRITE_OWNER),
        ("GenericAll", GENERIC_ALL),
        ("Synchronize", SYNCHRONIZE),
        ("AccessSystemSecurity", ACCESS_SYSTEM_SECURITY),
    ];

    /// The schema name of the Send As extended right.
    pub const SEND_AS: &str = "Send-As";
    /// The schema name of the Receive As extended right.
    pub const RECEIVE_AS: &str = "Receive-As";

    /// Extended rights exsh knows: (schema name, display name, rights GUID).
    pub const EXTENDED_RIGHTS: &[(&str, &str, &str)] = &[
        (SEND_AS, "Send As", "ab721a54-1e2f-11d0-9819-00aa0040529b"),
        (RECEIVE_AS, "Receive As", "ab721a56-1e2f-11d0-9819-00aa0040529b"),
        ("ms-Exch-Store-Admin", "Administer information store", "d74a8762-22b9-11d3-aa62-00c04f8eedd8"),
        ("ms-Exch-Store-Visible", "View information store status", "d74a875e-22b9-11d3-aa62-00c04f8eedd8"),
        ("ms-Exch-SMTP-Submit", "Submit Messages to Server", "ab721a55-1e2f-11d0-9819-00aa0040529b"),
        ("ms-Exch-SMTP-Accept-Any-Recipient", "Accept any Recipient", "a18293f1-0685-4540-aa63-e32df421b3a2"),
        ("ms-Exch-Bypass-Anti-Spam", "Bypass Anti-Spam", "e0ef4ade-0b7b-4dcf-b4d3-8e8e3a2e8c4b"),
    ];

    /// The schema name of an extended right given by schema name, display name or GUID
    /// (case-insensitive): `"send as"` → `Send-As`.
    pub fn extended_right_name(input: &str) -> Option<&'static str> {
        let t = input.trim();
        EXTENDED_RIGHTS
            .iter()
            .find(|(n, d, g)| n.eq_ignore_ascii_case(t) || d.eq_ignore_ascii_case(t) || g.eq_ignore_ascii_case(t))
            .map(|(n, _, _)| *n)
    }
}

/// Mailbox folder rights (`MailboxFolderAccessRight`) and the roles built from them.
pub mod folder {
    /// ReadItems
    pub const READ_ITEMS: u64 = 0x1;
    /// CreateItems
    pub const CREATE_ITEMS: u64 = 0x2;
    /// EditOwnedItems
    pub const EDIT_OWNED_ITEMS: u64 = 0x8;
    /// DeleteOwnedItems
    pub const DELETE_OWNED_ITEMS: u64 = 0x10;
    /// EditAllItems
    pub const EDIT_ALL_ITEMS: u64 = 0x20;
    /// DeleteAllItems
    pub const DELETE_ALL_ITEMS: u64 = 0x40;
    /// CreateSubfolders
    pub const CREATE_SUBFOLDERS: u64 = 0x80;
    /// FolderOwner
    pub const FOLDER_OWNER: u64 = 0x100;
    /// FolderContact
    pub const FOLDER_CONTACT: u64 = 0x200;
    /// FolderVisible
    pub const FOLDER_VISIBLE: u64 = 0x400;
    /// Free/busy time (AvailabilityOnly), calendars only.
    pub const FREE_BUSY_SIMPLE: u64 = 0x800;
    /// Free/busy with subject and location (LimitedDetails adds this), calendars only.
    pub const FREE_BUSY_DETAILED: u64 = 0x1000;

    /// Owner
    pub const OWNER: u64 = 0x7FB;
    /// PublishingEditor
    pub const PUBLISHING_EDITOR: u64 = 0x4FB;
    /// Editor
    pub const EDITOR: u64 = 0x47B;
    /// PublishingAuthor
    pub const PUBLISHING_AUTHOR: u64 = 0x49B;
    /// Author
    pub const AUTHOR: u64 = 0x41B;
    /// NonEditingAuthor
    pub const NON_EDITING_AUTHOR: u64 = 0x413;
    /// Reviewer
    pub const REVIEWER: u64 = 0x401;
    /// Contributor
    pub const CONTRIBUTOR: u64 = 0x402;
    /// AvailabilityOnly (calendars)
    pub const AVAILABILITY_ONLY: u64 = FREE_BUSY_SIMPLE;
    /// LimitedDetails (calendars)
    pub const LIMITED_DETAILS: u64 = FREE_BUSY_SIMPLE | FREE_BUSY_DETAILED;

    /// `MailboxFolderAccessRight`, which takes rights and roles alike: the individual rights, then
    /// the roles, each in the order Exchange lists them.
    pub const ACCESS_RIGHTS: &[(&str, u64)] = &[
        ("ReadItems", READ_ITEMS),
        ("CreateItems", CREATE_ITEMS),
        ("EditOwnedItems", EDIT_OWNED_ITEMS),
        ("DeleteOwnedItems", DELETE_OWNED_ITEMS),
        ("EditAllItems", EDIT_ALL_ITEMS),
        ("DeleteAllItems", DELETE_ALL_ITEMS),
        ("CreateSubfolders", CREATE_SUBFOLDERS),
        ("FolderOwner", FOLDER_OWNER),
        ("FolderContact", FOLDER_CONTACT),
        ("FolderVisible", FOLDER_VISIBLE),
        ("None", 0),
        ("Owner", OWNER),
        ("PublishingEditor", PUBLISHING_EDITOR),
        ("Editor", EDITOR),
        ("PublishingAuthor", PUBLISHING_AUTHOR),
        ("Author", AUTHOR),
        ("NonEditingAuthor", NON_EDITING_AUTHOR),
        ("Reviewer", REVIEWER),
        ("Contributor", CONTRIBUTOR),
        ("AvailabilityOnly", AVAILABILITY_ONLY),
        ("LimitedDetails", LIMITED_DETAILS),
    ];

    /// Individual rights in the order Exchange lists them.
    pub const RIGHTS: &[(&str, u64)] = ACCESS_RIGHTS.split_at(10).0;

    /// Roles (precanned combinations), in the order Exchange lists them.
    pub const ROLES: &[(&str, u64)] = ACCESS_RIGHTS.split_at(10).1;

    /// The names `AccessRights` prints for these bits: one role name when the bits are exactly a
    /// role, else the individual rights.
    pub fn names(bits: u64) -> Vec<&'static str> {
        if let Some((n, _)) = ROLES.iter().find(|(_, v)| *v == bits) {
            return vec![*n];
        }
        RIGHTS.iter().filter(|(_, v)| bits & v == *v).map(|(n, _)| *n).collect()
    }
}

/// `Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermissionFlags` (Exchange Online
/// calendar delegates).
pub mod sharing {
    /// Delegate
    pub const DELEGATE: u64 = 0x1;
    /// CanViewPrivateItems
    pub const CAN_VIEW_PRIVATE_ITEMS: u64 = 0x2;
    /// Members in `Enum.GetNames` order, `None` first.
    pub const MEMBERS: &[(&str, u64)] =
        &[("None", 0), ("Delegate", DELEGATE), ("CanViewPrivateItems", CAN_VIEW_PRIVATE_ITEMS)];
    /// The flags alone (without `None`).
    pub const FLAGS: &[(&str, u64)] = MEMBERS.split_at(1).1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_tables_split_rights_from_roles() {
        assert_eq!(folder::RIGHTS.last().map(|r| r.0), Some("FolderVisible"));
        assert_eq!(folder::ROLES.first().map(|r| r.0), Some("None"));
        assert_eq!(folder::names(folder::REVIEWER), ["Reviewer"]);
        assert_eq!(sharing::FLAGS.first().map(|r| r.0), Some("Delegate"));
    }

    #[test]
    fn inheritance_names_and_numbers_round_trip() {
        use crate::directory::Inheritance;
        for (name, bits) in Inheritance::MEMBERS {
            let i = Inheritance::from_bits(*bits);
            assert_eq!(i.map(Inheritance::name), Some(*name));
            assert_eq!(Inheritance::from_name(&name.to_ascii_lowercase()), i);
        }
    }
}
