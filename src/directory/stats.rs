//! Folder facts that are not permissions: each folder's type and container class (from its
//! path, as Exchange derives them from the well-known folder it is or sits under), which folders a
//! `-FolderScope` names, and the item counts and sizes Get-MailboxFolderStatistics and
//! Get-MailboxStatistics report.
//!
//! exsh stores no items. The sample mailboxes (sample-org.md's table, recognised by their fixed
//! ExchangeGuid) get fixed counts and sizes from the tables below, so reports are repeatable;
//! mailboxes and folders created later are empty. The numbers are exsh's choice
//! (docs/reference/folders-and-calendar.md, "inferred").

use super::Directory;
use super::identity::eq_ci;
use super::model::{AutomateProcessing, CalendarProcessing, RecipientKind};
use super::sample::sample_mailbox_alias;

/// Items and their total size in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FolderStats {
    /// Number of items.
    pub items: u64,
    /// Total size in bytes.
    pub bytes: u64,
}

impl std::ops::Add for FolderStats {
    type Output = FolderStats;
    fn add(self, o: FolderStats) -> FolderStats {
        FolderStats { items: self.items + o.items, bytes: self.bytes + o.bytes }
    }
}

/// The well-known folders: path, `FolderType`, `ContainerClass`, the `-FolderScope` value that
/// names it.
const WELL_KNOWN: &[(&str, &str, &str, &str)] = &[
    ("Inbox", "Inbox", "IPF.Note", "Inbox"),
    ("Drafts", "Drafts", "IPF.Note", "Drafts"),
    ("Sent Items", "SentItems", "IPF.Note", "SentItems"),
    ("Deleted Items", "DeletedItems", "IPF.Note", "DeletedItems"),
    ("Outbox", "Outbox", "IPF.Note", "Outbox"),
    ("Junk Email", "JunkEmail", "IPF.Note", "JunkEmail"),
    ("Calendar", "Calendar", "IPF.Appointment", "Calendar"),
    ("Contacts", "Contacts", "IPF.Contact", "Contacts"),
    ("Tasks", "Tasks", "IPF.Task", "Tasks"),
    ("Notes", "Notes", "IPF.StickyNote", "Notes"),
    ("Journal", "Journal", "IPF.Journal", "Journal"),
];

/// `FolderType` of a folder that is no well-known folder.
pub const USER_CREATED: &str = "User Created";

fn top(path: &str) -> &str {
    path.split('\\').next().unwrap_or(path)
}

fn well_known(path: &str) -> Option<&'static (&'static str, &'static str, &'static str, &'static str)> {
    WELL_KNOWN.iter().find(|w| eq_ci(w.0, path))
}

/// `FolderType`: `Root` for the root, the well-known name for a default folder, `User Created`
/// for every other folder (subfolders of default folders included).
pub fn folder_type(path: &str) -> &'static str {
    if path.is_empty() {
        return "Root";
    }
    well_known(path).map_or(USER_CREATED, |w| w.1)
}

/// `ContainerClass`: the well-known folder's class, which its subfolders share; `IPF.Note` for
/// other folders, empty for the root.
pub fn container_class(path: &str) -> &'static str {
    if path.is_empty() {
        return "";
    }
    well_known(top(path)).map_or("IPF.Note", |w| w.2)
}

/// True when `-FolderScope scope` returns the folder at `path`: `All` every folder; a
/// well-known scope that folder and its subfolders; `Personal` the user-created folders outside
/// the well-known ones. Scopes naming folders the model has none of (Recoverable Items, Sync
/// Issues, …) match nothing.
pub fn scope_includes(scope: &str, path: &str) -> bool {
    if eq_ci(scope, "All") {
        return true;
    }
    if path.is_empty() {
        return false;
    }
    if eq_ci(scope, "Personal") {
        return well_known(top(path)).is_none();
    }
    well_known(top(path)).is_some_and(|w| eq_ci(w.3, scope))
}

/// (items, average item size) of each sample folder before the mailbox's factor.
const SAMPLE_BASE: &[(&str, u64, u64)] = &[
    ("Inbox", 120, 48_213),
    ("Inbox\\Projects", 14, 51_904),
    ("Drafts", 3, 14_020),
    ("Sent Items", 85, 35_870),
    ("Deleted Items", 22, 29_455),
    ("Junk Email", 6, 9_117),
    ("Calendar", 40, 6_742),
    ("Contacts", 55, 4_988),
    ("Tasks", 8, 3_215),
    ("Notes", 2, 1_530),
];

/// Per sample mailbox: the factor for its mail-type folders and the one for its calendar.
const SAMPLE_FACTORS: &[(&str, u64, u64)] = &[
    ("Administrator", 1, 1),
    ("karen", 5, 4),
    ("michelle", 4, 6),
    ("amy", 3, 2),
    ("john", 3, 2),
    ("kim", 2, 2),
    ("david", 2, 1),
    ("helpdesk", 6, 0),
    ("room1", 0, 3),
    ("projector1", 0, 1),
];

impl Directory {
    /// The calendar processing settings a mailbox of `kind` has until Set-CalendarProcessing
    /// changes them: the documented defaults, AutoAccept for room and equipment mailboxes and
    /// AutoUpdate for the others.
    pub fn default_calendar_processing(kind: RecipientKind) -> CalendarProcessing {
        let resource = matches!(kind, RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox);
        CalendarProcessing {
            automate_processing: if resource { AutomateProcessing::AutoAccept } else { AutomateProcessing::AutoUpdate },
            all_book_in_policy: true,
            all_request_in_policy: false,
            all_request_out_of_policy: false,
            book_in_policy: Vec::new(),
            request_in_policy: Vec::new(),
            request_out_of_policy: Vec::new(),
            forward_requests_to_delegates: true,
            allow_conflicts: false,
            allow_recurring_meetings: true,
            booking_window_in_days: 180,
            maximum_duration_in_minutes: 1440,
            add_organizer_to_subject: true,
            delete_comments: true,
            delete_subject: true,
            process_external_meeting_messages: false,
        }
    }

    /// The calendar processing settings of recipient `r` (its own, or its kind's defaults).
    pub fn calendar_processing(&self, r: usize) -> CalendarProcessing {
        let rec = &self.recipients[r];
        rec.calendar.clone().unwrap_or_else(|| Directory::default_calendar_processing(rec.kind))
    }

    /// The items and size of folder `f` of recipient `r` itself (not its subfolders).
    pub fn folder_stats(&self, r: usize, f: usize) -> FolderStats {
        let rec = &self.recipients[r];
        let Some(folder) = rec.folders.get(f) else {
            return FolderStats::default();
        };
        let Some(alias) = rec.exchange_guid.as_deref().and_then(sample_mailbox_alias) else {
            return FolderStats::default();
        };
        let Some((_, mail, calendar)) = SAMPLE_FACTORS.iter().find(|s| s.0 == alias) else {
            return FolderStats::default();
        };
        let Some(base_pos) = SAMPLE_BASE.iter().position(|b| eq_ci(b.0, &folder.path)) else {
            return FolderStats::default();
        };
        let (_, base, avg) = SAMPLE_BASE[base_pos];
        let factor = if eq_ci(&folder.path, "Calendar") { *calendar } else { *mail };
        if factor == 0 {
            return FolderStats::default();
        }
        let jitter = (alias.len() as u64 * 7 + base_pos as u64 * 5) % 9;
        let items = base * factor + jitter;
        FolderStats { items, bytes: items * avg + (items * 37) % 1000 }
    }

    /// The items and size of folder `f` and every folder below it.
    pub fn subtree_stats(&self, r: usize, f: usize) -> FolderStats {
        let folders = &self.recipients[r].folders;
        let Some(root) = folders.get(f) else {
            return FolderStats::default();
        };
        let prefix = format!("{}\\", root.path);
        (0..folders.len())
            .filter(|&i| {
                i == f
                    || root.path.is_empty()
                    || (folders[i].path.len() > prefix.len()
                        && folders[i].path.is_char_boundary(prefix.len())
                        && eq_ci(&folders[i].path[..prefix.len()], &prefix))
            })
            .map(|i| self.folder_stats(r, i))
            .fold(FolderStats::default(), |a, b| a + b)
    }

    /// The whole mailbox: every folder's items and size.
    pub fn mailbox_stats(&self, r: usize) -> FolderStats {
        (0..self.recipients[r].folders.len())
            .map(|f| self.folder_stats(r, f))
            .fold(FolderStats::default(), |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::ExchangeVersion;

    #[test]
    fn types_classes_and_scopes() {
        assert_eq!(folder_type(""), "Root");
        assert_eq!(folder_type("sent items"), "SentItems");
        assert_eq!(folder_type("Inbox\\Projects"), USER_CREATED);
        assert_eq!(container_class("Calendar\\Team"), "IPF.Appointment");
        assert_eq!(container_class("Personal"), "IPF.Note");
        assert!(scope_includes("Calendar", "Calendar"));
        assert!(scope_includes("inbox", "Inbox\\Projects"));
        assert!(!scope_includes("Calendar", "Inbox"));
        assert!(scope_includes("All", ""));
        assert!(scope_includes("Personal", "Personal\\Sub"));
        assert!(!scope_includes("Personal", "Inbox\\Projects"));
        assert!(!scope_includes("RecoverableItems", "Deleted Items"));
    }

    #[test]
    fn sample_counts_are_fixed_and_new_mailboxes_empty() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let karen = 1;
        let inbox = d.folder_index(karen, "Inbox").unwrap_or(0);
        let s = d.folder_stats(karen, inbox);
        assert_eq!(s.items, 600 + (5 * 7) % 9);
        let sub = d.subtree_stats(karen, inbox);
        assert!(sub.items > s.items);
        let root = d.subtree_stats(karen, 0);
        assert_eq!(root, d.mailbox_stats(karen));
        let room = d.recipients.iter().position(|r| r.alias == "room1").unwrap_or(0);
        let cal = d.folder_index(room, "Calendar").unwrap_or(0);
        assert!(d.folder_stats(room, cal).items > 0);
        assert_eq!(d.folder_stats(room, d.folder_index(room, "Inbox").unwrap_or(0)), FolderStats::default());
        let mut d2 = d.clone();
        d2.recipients[karen].exchange_guid = Some("00000000-0000-0000-0000-000000000001".into());
        assert_eq!(d2.mailbox_stats(karen), FolderStats::default());
    }
}
