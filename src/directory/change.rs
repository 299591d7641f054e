//! Typed change records: the one way the directory is mutated.

use super::model::{AdAce, CalendarProcessing, FolderAce, FolderUser, MailFlow, MailboxAce, Recipient, RecipientKind};

/// One change to the directory. Recipients are named by Guid, databases by name.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Add (or merge rights into) a mailbox-permission ACE.
    AddMailboxAce {
        /// Mailbox Guid.
        mailbox: String,
        /// The entry.
        ace: MailboxAce,
    },
    /// Remove rights from the explicit ACEs matching the trustee/deny/inheritance.
    RemoveMailboxAce {
        /// Mailbox Guid.
        mailbox: String,
        /// The entry (rights to remove).
        ace: MailboxAce,
    },
    /// Add an AD ACE on a recipient (by Guid) or a database (by name).
    AddAdAce {
        /// Recipient Guid or database name.
        object: String,
        /// The entry.
        ace: AdAce,
    },
    /// Remove an AD ACE.
    RemoveAdAce {
        /// Recipient Guid or database name.
        object: String,
        /// The entry.
        ace: AdAce,
    },
    /// Replace GrantSendOnBehalfTo with these Guids.
    SetGrantSendOnBehalfTo {
        /// Mailbox Guid.
        mailbox: String,
        /// The new list.
        delegates: Vec<String>,
    },
    /// Add and remove GrantSendOnBehalfTo entries without touching the rest.
    UpdateGrantSendOnBehalfTo {
        /// Mailbox Guid.
        mailbox: String,
        /// Guids to add (already present ones are ignored).
        add: Vec<String>,
        /// Guids to remove (absent ones are ignored).
        remove: Vec<String>,
    },
    /// Add a folder permission entry.
    AddFolderAce {
        /// Mailbox Guid.
        mailbox: String,
        /// Folder path (`Calendar`, `Inbox\Projects`).
        folder: String,
        /// The entry.
        ace: FolderAce,
    },
    /// Replace an existing entry's rights and flags.
    SetFolderAce {
        /// Mailbox Guid.
        mailbox: String,
        /// Folder path.
        folder: String,
        /// The entry.
        ace: FolderAce,
    },
    /// Remove a user's entry from a folder.
    RemoveFolderAce {
        /// Mailbox Guid.
        mailbox: String,
        /// Folder path.
        folder: String,
        /// Whose entry.
        user: FolderUser,
    },
    /// Create a mailbox folder (New-MailboxFolder) with the default permissions, placed after
    /// its parent's last descendant. The parent must exist.
    AddFolder {
        /// Mailbox Guid.
        mailbox: String,
        /// The new folder's path (`Inbox\\Personal`).
        path: String,
    },
    /// Replace a mailbox's calendar processing settings (Set-CalendarProcessing).
    SetCalendarProcessing {
        /// Mailbox Guid.
        mailbox: String,
        /// The new settings.
        settings: Box<CalendarProcessing>,
    },
    /// Add or remove a user from a mailbox's auto-mapping list (msExchDelegateListLink).
    SetAutoMapping {
        /// Mailbox Guid.
        mailbox: String,
        /// The user's Guid.
        user: String,
        /// True to add, false to remove.
        enabled: bool,
    },
    /// Create a recipient (New-Mailbox, New-DistributionGroup, New-MailContact); build it with
    /// [`Directory::build_recipient`](super::Directory::build_recipient).
    AddRecipient {
        /// The complete recipient.
        recipient: Box<Recipient>,
    },
    /// Delete a recipient (Remove-Mailbox). Linked values naming it (group members,
    /// GrantSendOnBehalfTo, auto-mapping) go with it; ACEs keep its SID (orphaned entries).
    RemoveRecipient {
        /// Recipient Guid.
        recipient: String,
    },
    /// Add a member to a group (Add-DistributionGroupMember).
    AddGroupMember {
        /// Group Guid (a recipient group) or SID (a built-in principal group).
        group: String,
        /// Member Guid.
        member: String,
    },
    /// Remove a member from a group (Remove-DistributionGroupMember).
    RemoveGroupMember {
        /// Group Guid or SID.
        group: String,
        /// Member Guid.
        member: String,
    },
    /// Set the owner of a mailbox's security descriptor (Add-MailboxPermission -Owner) or of an AD
    /// object (Add-ADPermission -Owner).
    SetOwner {
        /// Recipient Guid, or (for an AD owner) a database name.
        object: String,
        /// Which security descriptor.
        of: OwnerOf,
        /// The new owner's SID.
        owner: String,
    },
    /// Set scalar properties of a recipient (Set-Mailbox, Set-User, …).
    SetRecipientFields {
        /// Recipient Guid.
        recipient: String,
        /// The new values.
        fields: Vec<RecipientField>,
    },
}

/// Whose owner [`Change::SetOwner`] sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerOf {
    /// The mailbox security descriptor (msExchMailboxSecurityDescriptor).
    Mailbox,
    /// The AD object's security descriptor (nTSecurityDescriptor).
    AdObject,
}

/// One settable recipient property of [`Change::SetRecipientFields`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientField {
    /// `Name` (the CN, so also the DN and canonical name).
    Name(String),
    /// `DisplayName`.
    DisplayName(String),
    /// `FirstName`.
    FirstName(String),
    /// `LastName`.
    LastName(String),
    /// `Title`.
    Title(String),
    /// `Department`.
    Department(String),
    /// `HiddenFromAddressListsEnabled`.
    Hidden(bool),
    /// `AccountDisabled`.
    AccountDisabled(bool),
    /// `EmailAddresses` (with prefixes; the `SMTP:` one is the primary address).
    EmailAddresses(Vec<String>),
    /// `RecipientTypeDetails` of a mailbox (Set-Mailbox -Type): only between the four mailbox kinds.
    MailboxKind(RecipientKind),
    /// `ManagedBy` of a group (Guids of recipients).
    ManagedBy(Vec<String>),
    /// A mailbox's forwarding and sent-item copy settings (Set-Mailbox).
    MailFlow(MailFlow),
}
