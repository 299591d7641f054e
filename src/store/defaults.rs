//! The compact form of a mailbox in the org file: which of a mailbox's permission entries and
//! folders the file leaves out because they are the defaults every mailbox of the org's version
//! gets (`Directory::default_mailbox_acl`, `default_user_ad_acl`, `default_folders`), and how
//! loading puts them back. Works on model types only; `schema` maps them to and from JSON.
//!
//! The rules, for a mailbox whose `defaults` key is true (the default):
//! - `mailboxPermissions` missing: the version's whole default list. Present: the entries as
//!   listed, followed by the version's default inherited entries when the list has no inherited
//!   entry of its own.
//! - `adPermissions` missing: the version's default entries. Present: exactly as listed.
//! - `folders` missing: the default folders. Present: a list holding every default folder is
//!   taken as it is; otherwise the default folders are built with the listed non-default folders
//!   placed as `Directory::default_folders` places extra folders, and each listed folder replaces
//!   the default folder of the same path.
//!
//! With `defaults: false` (and for every recipient that is not a mailbox) the lists are complete
//! as written. Saving picks, per mailbox and list, the shortest form that loads back to exactly
//! the same entries in the same order, checked here for every mailbox; when no compact form
//! does (an on-premises mailbox without inherited entries, a default folder removed by hand), it
//! writes `defaults: false` and every list in full.

use crate::directory::identity::eq_ci;
use crate::directory::{AdAce, Directory, Folder, FolderAce, MailboxAce, OrgInfo, Recipient};

/// The default entries of one org (they depend on its version and domain SID).
#[derive(Debug, Clone)]
pub struct Defaults {
    /// The whole default mailbox ACL (SELF, then the inherited entries).
    mailbox_acl: Vec<MailboxAce>,
    /// Its inherited entries.
    inherited: Vec<MailboxAce>,
    /// The default AD entries of a mailbox user.
    ad_acl: Vec<AdAce>,
    /// The default folders with their default permissions.
    folders: Vec<Folder>,
}

/// How one mailbox is written: `None` leaves a key out (the defaults), `Some` lists entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Compact<'a> {
    /// False when no compact form loads back exactly: every list is written in full.
    pub defaults: bool,
    /// The mailbox permission entries to write.
    pub mailbox_acl: Option<&'a [MailboxAce]>,
    /// The AD entries to write.
    pub ad_acl: Option<&'a [AdAce]>,
    /// The folders to write.
    pub folders: Option<Vec<&'a Folder>>,
}

impl<'a> Compact<'a> {
    /// Every list of `r` in full, with `defaults: true` (how exsh writes recipients that are not
    /// mailboxes, and how older or hand-written files list a mailbox's defaults).
    pub fn full(r: &'a Recipient) -> Compact<'a> {
        Compact {
            defaults: true,
            mailbox_acl: Some(&r.mailbox_acl),
            ad_acl: Some(&r.ad_acl),
            folders: Some(r.folders.iter().collect()),
        }
    }
}

impl Defaults {
    /// The defaults of the org described by `org`.
    pub fn of(org: &OrgInfo) -> Defaults {
        let template = Directory {
            org: org.clone(),
            databases: Vec::new(),
            recipients: Vec::new().into(),
            principals: Vec::new(),
        };
        let mailbox_acl = template.default_mailbox_acl();
        let inherited = mailbox_acl.iter().filter(|a| a.inherited).cloned().collect();
        Defaults {
            mailbox_acl,
            inherited,
            ad_acl: template.default_user_ad_acl(),
            folders: Directory::default_folders(&[]),
        }
    }

    /// A mailbox's permission entries from what the file lists (see the module rules).
    pub fn expand_mailbox_acl(&self, listed: Option<Vec<MailboxAce>>) -> Vec<MailboxAce> {
        match listed {
            None => self.mailbox_acl.clone(),
            Some(list) if list.iter().any(|a| a.inherited) => list,
            Some(mut list) => {
                list.extend(self.inherited.iter().cloned());
                list
            }
        }
    }

    /// A mailbox's AD entries from what the file lists.
    pub fn expand_ad_acl(&self, listed: Option<Vec<AdAce>>) -> Vec<AdAce> {
        listed.unwrap_or_else(|| self.ad_acl.clone())
    }

    /// A mailbox's folders from what the file lists.
    pub fn expand_folders(&self, listed: Option<Vec<Folder>>) -> Vec<Folder> {
        let Some(listed) = listed else {
            return self.folders.clone();
        };
        let is_default = |path: &str| self.folders.iter().any(|d| eq_ci(&d.path, path));
        if self.folders.iter().all(|d| listed.iter().any(|f| eq_ci(&f.path, &d.path))) {
            return listed;
        }
        let extras: Vec<&str> = listed.iter().map(|f| f.path.as_str()).filter(|p| !is_default(p)).collect();
        let mut out = if extras.is_empty() { self.folders.clone() } else { Directory::default_folders(&extras) };
        for f in listed {
            if let Some(slot) = out.iter_mut().find(|o| eq_ci(&o.path, &f.path)) {
                *slot = f;
            }
        }
        out
    }

    /// The default permissions of the default folder at `path`, if it is one.
    fn folder_defaults(&self, path: &str) -> Option<&[FolderAce]> {
        self.folders.iter().find(|d| d.path == path).map(|d| d.permissions.as_slice())
    }

    /// How to write mailbox `r` so that loading gives it back exactly. Only for mailboxes.
    pub fn compact<'a>(&self, r: &'a Recipient) -> Compact<'a> {
        let mailbox_acl = self.compact_mailbox_acl(&r.mailbox_acl);
        let folders = self.compact_folders(&r.folders);
        match (mailbox_acl, folders) {
            (Some(mailbox_acl), Some(folders)) => Compact {
                defaults: true,
                mailbox_acl: Some(mailbox_acl),
                ad_acl: (r.ad_acl != self.ad_acl).then_some(r.ad_acl.as_slice()),
                folders,
            },
            _ => Compact { defaults: false, ..Compact::full(r) },
        }
    }

    /// The entries to list for `acl`, or `None` when no list loads back as `acl`.
    fn compact_mailbox_acl<'a>(&self, acl: &'a [MailboxAce]) -> Option<&'a [MailboxAce]> {
        let split = acl.iter().position(|a| a.inherited).unwrap_or(acl.len());
        let (explicit, inherited) = acl.split_at(split);
        if inherited == self.inherited.as_slice() {
            Some(explicit)
        } else if !inherited.is_empty() || self.inherited.is_empty() {
            // The list has inherited entries of its own (or the version has none): as it is.
            Some(acl)
        } else {
            None
        }
    }

    /// The folders to list (`None` inside: leave the key out), or `None` when no list loads
    /// back as `folders`.
    fn compact_folders<'a>(&self, folders: &'a [Folder]) -> Option<Option<Vec<&'a Folder>>> {
        let listed = |f: &&Folder| self.folder_defaults(&f.path) != Some(f.permissions.as_slice());
        let exactly_defaults =
            folders.len() == self.folders.len() && folders.iter().zip(&self.folders).all(|(f, d)| f.path == d.path);
        let candidate: Vec<&Folder> = folders.iter().filter(listed).collect();
        if exactly_defaults {
            // The default folders in their order: expanding the changed ones gives them back.
            return Some((!candidate.is_empty()).then_some(candidate));
        }
        let owned = |list: &[&Folder]| list.iter().map(|f| (*f).clone()).collect::<Vec<Folder>>();
        if self.expand_folders(Some(owned(&candidate))) == folders {
            return Some((!candidate.is_empty()).then_some(candidate));
        }
        let all: Vec<&Folder> = folders.iter().collect();
        if self.expand_folders(Some(owned(&all))) == folders {
            return Some(Some(all));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{ExchangeVersion, FolderUser, Inheritance, rights};

    fn round_trip(d: &Defaults, r: &Recipient) -> Recipient {
        let c = d.compact(r);
        let mut back = r.clone();
        let (acl, ad, folders) = (
            c.mailbox_acl.map(<[MailboxAce]>::to_vec),
            c.ad_acl.map(<[AdAce]>::to_vec),
            c.folders.map(|v| v.into_iter().cloned().collect::<Vec<Folder>>()),
        );
        if c.defaults {
            back.mailbox_acl = d.expand_mailbox_acl(acl);
            back.ad_acl = d.expand_ad_acl(ad);
            back.folders = d.expand_folders(folders);
        } else {
            back.mailbox_acl = acl.unwrap_or_default();
            back.ad_acl = ad.unwrap_or_default();
            back.folders = folders.unwrap_or_default();
        }
        back
    }

    #[test]
    fn sample_mailboxes_compact_to_explicit_entries_and_extra_folders() {
        for v in ExchangeVersion::ALL {
            let dir = Directory::sample(v);
            let d = Defaults::of(&dir.org);
            for r in dir.recipients.iter().filter(|r| r.kind.is_mailbox()) {
                let c = d.compact(r);
                assert!(c.defaults);
                assert_eq!(c.mailbox_acl.map(<[MailboxAce]>::len), Some(1), "{}", r.name);
                assert_eq!(c.ad_acl, None);
                let extra: Option<Vec<&str>> = c.folders.as_ref().map(|f| f.iter().map(|x| x.path.as_str()).collect());
                let expect = (r.alias == "karen").then(|| vec!["Inbox\\Projects"]);
                assert_eq!(extra, expect);
                assert_eq!(&round_trip(&d, r), r);
            }
        }
    }

    #[test]
    fn changed_defaults_round_trip() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let d = Defaults::of(&dir.org);
        let mut r = dir.recipients[1].clone();
        // Calendar Default set to Reviewer, a delegate on the Inbox, SELF removed, a Send-As grant.
        let cal = r.folders.iter().position(|f| f.path == "Calendar").unwrap_or(0);
        r.folders[cal].permissions[0].rights =
            rights::folder::ROLES.iter().find(|x| x.0 == "Reviewer").map_or(0, |x| x.1);
        r.folders[1].permissions.push(FolderAce {
            user: FolderUser::Sid("S-1-5-21-1-2-3-4".into()),
            rights: 1,
            sharing_flags: 0,
        });
        r.mailbox_acl.remove(0);
        r.ad_acl.push(AdAce { sid: "S-1-5-21-1-2-3-4".into(), ..r.ad_acl[0].clone() });
        let c = d.compact(&r);
        assert!(c.defaults);
        assert_eq!(c.mailbox_acl.map(<[MailboxAce]>::len), Some(0));
        assert_eq!(c.ad_acl.map(<[AdAce]>::len), Some(3));
        let paths: Vec<&str> = c.folders.iter().flatten().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["Inbox", "Inbox\\Projects", "Calendar"]);
        assert_eq!(round_trip(&d, &r), r);
        // Inherited entries that differ from the defaults are all written.
        let mut r2 = dir.recipients[2].clone();
        r2.mailbox_acl.pop();
        let c = d.compact(&r2);
        assert_eq!(c.mailbox_acl.map(<[MailboxAce]>::len), Some(r2.mailbox_acl.len()));
        assert_eq!(round_trip(&d, &r2), r2);
    }

    #[test]
    fn what_no_compact_form_expresses_is_written_in_full() {
        let dir = Directory::sample(ExchangeVersion::Exchange2016);
        let d = Defaults::of(&dir.org);
        // No inherited entries at all on-premises.
        let mut r = dir.recipients[3].clone();
        r.mailbox_acl.retain(|a| !a.inherited);
        let c = d.compact(&r);
        assert!(!c.defaults);
        assert_eq!(c.folders.map(|f| f.len()), Some(12));
        assert_eq!(round_trip(&d, &r), r);
        // A default folder removed; folders out of the default order; an extra folder moved.
        for edit in 0..3 {
            let mut r = dir.recipients[1].clone();
            match edit {
                0 => {
                    r.folders.remove(4);
                }
                1 => r.folders.swap(3, 4),
                _ => {
                    let p = r.folders.remove(2);
                    r.folders.push(p);
                }
            }
            assert_eq!(round_trip(&d, &r), r, "edit {edit}");
        }
        // Inherited entries before explicit ones.
        let mut r = dir.recipients[2].clone();
        r.mailbox_acl.rotate_left(1);
        assert!(d.compact(&r).defaults);
        assert_eq!(round_trip(&d, &r), r);
        // Online has no inherited entries: a mailbox without SELF is still compact.
        let online = Directory::sample(ExchangeVersion::Online);
        let d = Defaults::of(&online.org);
        let mut r = online.recipients[1].clone();
        r.mailbox_acl.clear();
        r.mailbox_acl.push(MailboxAce {
            sid: "S-1-5-21-1-2-3-4".into(),
            rights: 1,
            deny: true,
            inheritance: Inheritance::All,
            inherited: false,
        });
        assert!(d.compact(&r).defaults);
        assert_eq!(round_trip(&d, &r), r);
    }

    #[test]
    fn hand_written_lists_expand() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let d = Defaults::of(&dir.org);
        let karen = &dir.recipients[1];
        // Everything listed, as older files and careful editors do: taken as written.
        assert_eq!(d.expand_mailbox_acl(Some(karen.mailbox_acl.clone())), karen.mailbox_acl);
        assert_eq!(d.expand_folders(Some(karen.folders.clone())), karen.folders);
        // Nothing listed: the defaults.
        assert_eq!(d.expand_mailbox_acl(None), dir.recipients[2].mailbox_acl);
        assert_eq!(d.expand_ad_acl(None), karen.ad_acl);
        assert_eq!(d.expand_folders(None), dir.recipients[2].folders);
        // One folder in another case: it replaces the default one.
        let mut cal = dir.recipients[2].folders[7].clone();
        assert_eq!(cal.path, "Calendar");
        cal.path = "calendar".into();
        let f = d.expand_folders(Some(vec![cal]));
        assert_eq!(f.len(), 12);
        assert_eq!(f[7].path, "calendar");
    }
}
