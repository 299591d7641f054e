//! Who can reach what: the access model (`access.rs`) asked for every user an entry could give
//! access, in both directions, with the group chain that carries each grant and the folder rights
//! a user holds. The plan's access consequences, `Test-MailboxAccess`, `Get-MailboxAccess` and
//! `Get-PermissionAudit` all read it; the rules and their sources are in docs/access-model.md.
//!
//! A "user" is a recipient with an account that can sign in and send: mailbox users (including the
//! disabled accounts of shared and resource mailboxes, which Exchange still evaluates) and mail
//! users. Groups, contacts and built-in principals are trustees, never users.

use super::Directory;
use super::access::{EffectiveAccess, ad_ace_grants_extended_right};
use super::identity::eq_ci;
use super::model::{FolderUser, RecipientKind};
use super::rights::{ad, mailbox};

/// A user's rights on one folder of a mailbox, and the entry that gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderReach {
    /// Folder path (`Calendar`, `Inbox\Projects`; empty for the root).
    pub folder: String,
    /// `MailboxFolderAccessRight` bits.
    pub rights: u64,
    /// `SharingPermissionFlags` bits of the entry (Delegate = 1, CanViewPrivateItems = 2).
    pub sharing_flags: u64,
    /// The SID the entry names: the user's own, or a group the user is in.
    pub trustee_sid: String,
}

/// Everything one user can do with one mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    /// The mailbox (recipient index).
    pub mailbox: usize,
    /// The user (recipient index).
    pub user: usize,
    /// Full Access, Send As, Send on Behalf and the From line, as the access model decides them.
    pub access: EffectiveAccess,
    /// Folder entries that name the user or one of its groups (the `Default` and `Anonymous`
    /// entries, which apply to everyone, are not listed).
    pub folders: Vec<FolderReach>,
}

impl Reach {
    /// True when the user can do anything at all with the mailbox.
    pub fn any(&self) -> bool {
        self.access.full_access.allowed
            || self.access.send_as.allowed
            || self.access.send_on_behalf.allowed
            || self.folders.iter().any(|f| f.rights != 0)
    }

    /// Outlook's delegate: Send on Behalf plus at least Editor on the Calendar (what the delegate
    /// wizard sets, seed 003), or an entry with the Delegate sharing flag (Exchange Online).
    pub fn is_delegate(&self) -> bool {
        use super::rights::folder::EDITOR;
        let calendar = self.folders.iter().find(|f| f.folder.eq_ignore_ascii_case("Calendar"));
        calendar.is_some_and(|c| c.sharing_flags & 1 != 0)
            || (self.access.send_on_behalf.allowed && calendar.is_some_and(|c| c.rights & EDITOR == EDITOR))
    }
}

impl Directory {
    /// True for a recipient that counts as a user (see the module comment).
    pub fn is_user(&self, i: usize) -> bool {
        self.recipients
            .get(i)
            .is_some_and(|r| r.sid.is_some() && (r.kind.is_mailbox() || r.kind == RecipientKind::MailUser))
    }

    /// The groups from `outer` down to the one that holds `member_sid` directly, outermost first
    /// (`[Help Desk Agents, Tier 1]` when the member is in Tier 1, which is in Help Desk Agents);
    /// `None` when `member_sid` is not in `outer`. Shortest chain; cycle-safe.
    pub fn group_chain(&self, member_sid: &str, outer: &str) -> Option<Vec<String>> {
        let mut seen: Vec<String> = vec![outer.to_string()];
        let mut frontier: Vec<Vec<String>> = vec![vec![outer.to_string()]];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for chain in frontier {
                let last = chain.last().cloned().unwrap_or_default();
                for m in self.direct_member_sids(&last) {
                    if eq_ci(&m, member_sid) {
                        return Some(chain);
                    }
                    if !seen.iter().any(|s| eq_ci(s, &m)) {
                        seen.push(m.clone());
                        let mut c = chain.clone();
                        c.push(m);
                        next.push(c);
                    }
                }
            }
            frontier = next;
        }
        None
    }

    /// The users a SID stands for: the user itself, or every user in the group (nested groups
    /// expanded). `NT AUTHORITY\SELF` stands for `owner`, the mailbox's own account.
    fn users_of(&self, sid: &str, owner: Option<usize>, out: &mut Vec<usize>) {
        if eq_ci(sid, super::sample::SID_SELF) {
            out.extend(owner.filter(|o| self.is_user(*o)));
            return;
        }
        if let Some(i) = self.recipient_by_sid(sid)
            && self.is_user(i)
        {
            out.push(i);
            return;
        }
        let users = self.recipients.iter().enumerate().filter(|(i, _)| self.is_user(*i));
        out.extend(users.filter(|(_, r)| r.sid.as_deref().is_some_and(|s| self.is_member(s, sid))).map(|(i, _)| i));
    }

    /// Every user some entry of `target` could give access: its mailbox and AD permission
    /// entries, its database's Receive-As entries, GrantSendOnBehalfTo and its folder entries.
    /// The access model then decides each one (a Deny may still win).
    fn candidate_users(&self, target: usize) -> Vec<usize> {
        let Some(t) = self.recipients.get(target) else { return Vec::new() };
        let mut sids: Vec<&str> = Vec::new();
        sids.extend(t.mailbox_acl.iter().filter(|a| !a.deny && a.rights & mailbox::FULL_ACCESS != 0).map(|a| &*a.sid));
        sids.extend(
            t.ad_acl.iter().filter(|a| !a.deny && ad_ace_grants_extended_right(a, ad::SEND_AS)).map(|a| &*a.sid),
        );
        if let Some(db) = t.database.as_deref().and_then(|n| self.database_by_name(n)) {
            let acl = &self.databases[db].ad_acl;
            sids.extend(
                acl.iter().filter(|a| !a.deny && ad_ace_grants_extended_right(a, ad::RECEIVE_AS)).map(|a| &*a.sid),
            );
        }
        for folder in &t.folders {
            sids.extend(folder.permissions.iter().filter_map(|p| match &p.user {
                FolderUser::Sid(s) if p.rights != 0 || p.sharing_flags != 0 => Some(&**s),
                _ => None,
            }));
        }
        let gsob: Vec<String> = t
            .grant_send_on_behalf_to
            .iter()
            .filter_map(|g| self.recipient_by_guid(g).and_then(|i| self.recipients[i].sid.clone()))
            .collect();
        sids.extend(gsob.iter().map(|s| &**s));
        let mut users = Vec::new();
        let mut done: Vec<&str> = Vec::new();
        for s in sids {
            if !done.iter().any(|d| eq_ci(d, s)) {
                done.push(s);
                self.users_of(s, Some(target), &mut users);
            }
        }
        users.sort_unstable();
        users.dedup();
        users
    }

    /// The folder entries of `target` that name `user` or one of its groups. A user's own entry
    /// wins over its groups' entries on the same folder; group entries add up.
    pub fn folder_reach(&self, target: usize, user: usize) -> Vec<FolderReach> {
        let (Some(t), Some(sid)) = (self.recipients.get(target), self.recipients.get(user).and_then(|u| u.sid.clone()))
        else {
            return Vec::new();
        };
        let groups = self.group_sids_of(&sid);
        let mut out = Vec::new();
        for folder in &t.folders {
            let own = folder.permissions.iter().find(|p| matches!(&p.user, FolderUser::Sid(s) if eq_ci(s, &sid)));
            if let Some(p) = own {
                out.push(FolderReach {
                    folder: folder.path.clone(),
                    rights: p.rights,
                    sharing_flags: p.sharing_flags,
                    trustee_sid: sid.clone(),
                });
                continue;
            }
            let via: Vec<_> = folder
                .permissions
                .iter()
                .filter_map(|p| match &p.user {
                    FolderUser::Sid(s) if groups.iter().any(|g| eq_ci(g, s)) => Some((s, p)),
                    _ => None,
                })
                .collect();
            if let Some((first, _)) = via.first() {
                out.push(FolderReach {
                    folder: folder.path.clone(),
                    rights: via.iter().fold(0, |r, (_, p)| r | p.rights),
                    sharing_flags: via.iter().fold(0, |f, (_, p)| f | p.sharing_flags),
                    trustee_sid: first.to_string(),
                });
            }
        }
        out
    }

    /// One user's reach on one mailbox.
    pub fn reach(&self, target: usize, user: usize) -> Reach {
        Reach {
            mailbox: target,
            user,
            access: self.effective_access(target, user),
            folders: self.folder_reach(target, user),
        }
    }

    /// Everyone who can do something with `target` other than its own account, in recipient order.
    pub fn who_can_reach(&self, target: usize) -> Vec<Reach> {
        self.candidate_users(target)
            .into_iter()
            .filter(|u| *u != target)
            .map(|u| self.reach(target, u))
            .filter(Reach::any)
            .collect()
    }

    /// Every mailbox (or other recipient with permissions) `user` can do something with, other
    /// than its own, in recipient order. Only recipients with an entry naming the user or one of
    /// its groups are evaluated, so this is one pass over the org's entries.
    pub fn reachable_by(&self, user: usize) -> Vec<Reach> {
        if !self.is_user(user) {
            return Vec::new();
        }
        let token = self.token_sids(user, None);
        let named = |s: &str| token.iter().any(|t| eq_ci(t, s));
        let user_guid = self.recipients[user].guid.clone();
        let in_gsob = |g: &String| {
            eq_ci(g, &user_guid)
                || self.recipient_by_guid(g).and_then(|i| self.recipients[i].sid.as_deref()).is_some_and(named)
        };
        let db_grants: Vec<&str> = self
            .databases
            .iter()
            .filter(|db| {
                db.ad_acl.iter().any(|a| !a.deny && named(&a.sid) && ad_ace_grants_extended_right(a, ad::RECEIVE_AS))
            })
            .map(|db| &*db.name)
            .collect();
        (0..self.recipients.len())
            .filter(|t| *t != user)
            .filter(|t| {
                let r = &self.recipients[*t];
                r.mailbox_acl.iter().any(|a| named(&a.sid))
                    || r.ad_acl.iter().any(|a| named(&a.sid))
                    || r.grant_send_on_behalf_to.iter().any(in_gsob)
                    || r.database.as_deref().is_some_and(|d| db_grants.iter().any(|g| eq_ci(g, d)))
                    || r.folders
                        .iter()
                        .any(|f| f.permissions.iter().any(|p| matches!(&p.user, FolderUser::Sid(s) if named(s))))
            })
            .map(|t| self.reach(t, user))
            .filter(Reach::any)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{ExchangeVersion, FolderAce, Inheritance, MailboxAce};

    const KAREN: usize = 1;
    const MICHELLE: usize = 2;
    const AMY: usize = 3;
    const KIM: usize = 5;
    const DAVID: usize = 6;
    const HELPDESK: usize = 7;
    const AGENTS: usize = 10;
    const ALLSTAFF: usize = 11;

    fn org() -> Directory {
        Directory::sample(ExchangeVersion::Exchange2019)
    }
    fn sid(d: &Directory, i: usize) -> String {
        d.recipients[i].sid.clone().unwrap_or_default()
    }
    fn fa(d: &mut Directory, mbx: usize, trustee: String, deny: bool) {
        let ace = MailboxAce {
            sid: trustee,
            rights: mailbox::FULL_ACCESS,
            deny,
            inheritance: Inheritance::All,
            inherited: false,
        };
        let mailbox = d.recipients[mbx].guid.clone();
        d.apply(&Change::AddMailboxAce { mailbox, ace }).expect("grant");
    }

    #[test]
    fn nobody_but_the_owner_reaches_a_fresh_mailbox() {
        let d = org();
        assert!(d.who_can_reach(KAREN).is_empty());
        assert!(d.reachable_by(MICHELLE).is_empty());
        assert!(!d.is_user(AGENTS) && !d.is_user(ALLSTAFF) && d.is_user(HELPDESK));
    }

    #[test]
    fn groups_expand_and_deny_removes() {
        let mut d = org();
        let agents = sid(&d, AGENTS);
        fa(&mut d, HELPDESK, agents.clone(), false);
        let users: Vec<usize> = d.who_can_reach(HELPDESK).iter().map(|r| r.user).collect();
        assert!(users.contains(&KIM) && users.contains(&DAVID) && !users.contains(&KAREN));
        let kim = sid(&d, KIM);
        assert_eq!(d.group_chain(&kim, &agents), Some(vec![agents.clone()]));
        fa(&mut d, HELPDESK, kim, true);
        assert!(!d.who_can_reach(HELPDESK).iter().any(|r| r.user == KIM));
        assert!(d.reachable_by(DAVID).iter().any(|r| r.mailbox == HELPDESK));
        assert!(d.reachable_by(KIM).is_empty());
    }

    #[test]
    fn nested_chains_are_outermost_first() {
        let mut d = org();
        // Help Desk Agents (Kim, David) inside All Staff, with Kim taken out of All Staff.
        let (agents_guid, kim_guid) = (d.recipients[AGENTS].guid.clone(), d.recipients[KIM].guid.clone());
        d.recipients[ALLSTAFF].members.retain(|m| *m != kim_guid);
        d.recipients[ALLSTAFF].members.push(agents_guid);
        let (kim, agents, all) = (sid(&d, KIM), sid(&d, AGENTS), sid(&d, ALLSTAFF));
        assert_eq!(d.group_chain(&kim, &all), Some(vec![all.clone(), agents.clone()]));
        assert_eq!(d.group_chain(&sid(&d, KAREN), &all), Some(vec![all.clone()]));
        assert_eq!(d.group_chain(&sid(&d, KAREN), &agents), None);
    }

    #[test]
    fn delegates_need_send_on_behalf_and_calendar_editor() {
        let mut d = org();
        let (k, m, ms) = (d.recipients[KAREN].guid.clone(), d.recipients[MICHELLE].guid.clone(), sid(&d, MICHELLE));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m] }).expect("sob");
        let r = d.reach(KAREN, MICHELLE);
        assert!(r.any() && !r.is_delegate());
        let ace =
            FolderAce { user: FolderUser::Sid(ms), rights: crate::directory::rights::folder::EDITOR, sharing_flags: 0 };
        d.apply(&Change::AddFolderAce { mailbox: k, folder: "Calendar".into(), ace }).expect("calendar");
        let r = d.reach(KAREN, MICHELLE);
        assert!(r.is_delegate());
        assert_eq!(r.folders.len(), 1);
        assert!(d.who_can_reach(KAREN).iter().any(|r| r.user == MICHELLE));
        assert!(!d.who_can_reach(KAREN).iter().any(|r| r.user == AMY));
    }
}
