//! The org-wide permission audit (Get-PermissionAudit): findings about entries and grants that
//! are left over, risky or half done, each with the objects involved and the change that removes
//! it. It reads the one access model (`access.rs`, `reach.rs`) and never changes the org; the
//! cmdlet turns each finding into text and a command line. The rules and their sources are in
//! docs/audit.md.
//!
//! Kinds, in the order findings are listed:
//! - **OrphanedEntry**: an explicit entry whose trustee SID is a domain account SID
//!   (`S-1-5-21-…`) that names no recipient, principal or known account: a removed user, in
//!   mailbox permissions, AD (Send As / recipient) permissions, a database's AD permissions or a
//!   folder's permissions. Well-known SIDs (`S-1-5-10`, `S-1-5-18`, `S-1-1-0`, `S-1-5-32-…`) are
//!   never orphans. GrantSendOnBehalfTo can't hold one: it is a link that goes with the object.
//! - **DepartedDelegate**: a user mailbox (RecipientTypeDetails UserMailbox) whose account is
//!   disabled and that still has access somewhere (Full Access, Send As, Send on Behalf, folder
//!   rights), as the access model decides it. Shared, room and equipment mailboxes have disabled
//!   accounts by design (seed 003) and are never reported. A removed account leaves orphaned
//!   entries instead.
//! - **DelegationLoop**: a cycle of direct GrantSendOnBehalfTo entries between users: A delegate
//!   of B, B of C, C of A (seed 003). One finding per elementary cycle.
//! - **IncompleteDelegate**: on a user mailbox, a direct Send on Behalf entry for a user without
//!   Editor on the Calendar; or a user's own Calendar entry with the Delegate flag, or Editor on
//!   both Calendar and Tasks (the folder half of Outlook's delegate setup), without Send on Behalf.
//! - **FullAccessSendOnBehalf**: a user with both Full Access and Send on Behalf on a mailbox
//!   (groups expanded): Send As on Exchange 2010 before SP3 RU8 (seed 000).
//! - **SendAs**: the Send As inventory: every user who can send as a recipient other than itself,
//!   groups expanded, with the grant that gives it.

use super::Directory;
use super::access::{AccessReason, AccessSource, ad_ace_grants_extended_right};
use super::identity::eq_ci;
use super::model::{AdAce, FolderUser, MailboxAce, RecipientKind};
use super::reach::Reach;
use super::rights::{ad, folder, mailbox, sharing};

/// The kinds of findings, in listing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// An entry naming a removed account's SID.
    OrphanedEntry,
    /// A disabled user account that still holds access.
    DepartedDelegate,
    /// A cycle of Send on Behalf delegates.
    DelegationLoop,
    /// Half of a delegate setup.
    IncompleteDelegate,
    /// Full Access plus Send on Behalf on the same mailbox.
    FullAccessSendOnBehalf,
    /// Who can send as whom.
    SendAs,
}

impl FindingKind {
    /// All kinds, in listing order.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::OrphanedEntry,
        FindingKind::DepartedDelegate,
        FindingKind::DelegationLoop,
        FindingKind::IncompleteDelegate,
        FindingKind::FullAccessSendOnBehalf,
        FindingKind::SendAs,
    ];

    /// The names `-Kind` accepts and `Kind` prints, in listing order.
    pub const NAMES: &'static [&'static str] = &[
        "OrphanedEntry",
        "DepartedDelegate",
        "DelegationLoop",
        "IncompleteDelegate",
        "FullAccessSendOnBehalf",
        "SendAs",
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The kind of a name, case-insensitively.
    pub fn from_name(name: &str) -> Option<FindingKind> {
        Self::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name))
    }
}

/// The object a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditObject {
    /// A recipient (mailbox or group), by index.
    Recipient(usize),
    /// A mailbox database, by index.
    Database(usize),
}

/// Who holds the access a finding is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditTrustee {
    /// A recipient, by index.
    Recipient(usize),
    /// A SID that names nobody (orphaned entries).
    Sid(String),
}

/// The permission a finding is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditPermission {
    /// A mailbox permission entry's rights (`MailboxRights` bits).
    MailboxRights(u64),
    /// An AD entry's rights and extended rights.
    AdRights {
        /// `ActiveDirectoryRights` bits.
        rights: u64,
        /// Extended rights by schema name.
        extended: Vec<String>,
    },
    /// Full Access (effective).
    FullAccess,
    /// Send As (effective).
    SendAs,
    /// Send on Behalf (effective).
    SendOnBehalf,
    /// Rights on a folder.
    Folder {
        /// The folder path (`Calendar`).
        path: String,
        /// `MailboxFolderAccessRight` bits.
        rights: u64,
        /// `SharingPermissionFlags` bits.
        flags: u64,
    },
}

/// How the access reaches the trustee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditVia {
    /// The entry names the trustee itself.
    Direct,
    /// Through groups, outermost first (SIDs).
    Groups(Vec<String>),
    /// Through a Receive-As entry on the database, and groups when the entry names a group.
    Database(usize, Vec<String>),
    /// Full Access plus Send on Behalf (Exchange 2010 before SP3 RU8).
    FullAccessAndSendOnBehalf,
}

/// A change that removes a finding (the cmdlet writes it as a command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditFix {
    /// Remove-MailboxPermission for this explicit entry.
    RemoveMailboxAce {
        /// The mailbox.
        mailbox: usize,
        /// The entry (its rights, Deny flag and inheritance).
        ace: MailboxAce,
    },
    /// Remove-ADPermission (Remove-RecipientPermission Online) for this explicit entry.
    RemoveAdAce {
        /// The object holding it.
        object: AuditObject,
        /// The entry.
        ace: AdAce,
    },
    /// Remove-MailboxFolderPermission.
    RemoveFolderAce {
        /// The mailbox.
        mailbox: usize,
        /// The folder path.
        folder: String,
        /// The entry's user.
        user: FolderUser,
    },
    /// Set-Mailbox -GrantSendOnBehalfTo @{remove=…}.
    RemoveSendOnBehalf {
        /// The mailbox.
        mailbox: usize,
        /// The recipient to remove (a user or a group).
        delegate: usize,
    },
    /// Set-Mailbox -GrantSendOnBehalfTo @{add=…}.
    AddSendOnBehalf {
        /// The mailbox.
        mailbox: usize,
        /// The user to add.
        delegate: usize,
    },
    /// Add- (or Set-, when the user has an entry) MailboxFolderPermission Editor on the Calendar.
    GrantCalendarEditor {
        /// The mailbox.
        mailbox: usize,
        /// The user.
        user: usize,
        /// The user already has an entry on the Calendar (Set instead of Add).
        existing: bool,
    },
    /// Remove-DistributionGroupMember: the user out of the group that holds it directly.
    RemoveGroupMember {
        /// The group (a recipient).
        group: usize,
        /// The member.
        member: usize,
    },
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Its kind.
    pub kind: FindingKind,
    /// The object it is about.
    pub object: AuditObject,
    /// Who holds the access.
    pub trustee: AuditTrustee,
    /// Which permission.
    pub permission: AuditPermission,
    /// Through what.
    pub via: AuditVia,
    /// Every mailbox in a delegation loop, in loop order (each a delegate of the next, the last of
    /// the first); empty for other kinds.
    pub chain: Vec<usize>,
    /// The change that removes it; `None` when no exsh cmdlet can (a built-in group's membership).
    pub fix: Option<AuditFix>,
}

/// Most cycles the loop search reports (a guard against pathological orgs).
const MAX_LOOPS: usize = 1000;

impl Directory {
    /// True for a domain account SID (`S-1-5-21-…`) that names no recipient, principal or known
    /// account: the SID of a removed user.
    pub fn is_orphaned_sid(&self, sid: &str) -> bool {
        sid.get(..9).is_some_and(|p| eq_ci(p, "S-1-5-21-"))
            && self.recipient_by_sid(sid).is_none()
            && self.principal_by_sid(sid).is_none()
            && self.well_known_account(sid).is_none()
    }

    /// Every finding of the org, kinds in [`FindingKind::ALL`] order, objects in recipient order.
    pub fn permission_audit(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        self.audit_orphans(&mut out);
        self.audit_departed(&mut out);
        self.audit_loops(&mut out);
        self.audit_incomplete(&mut out);
        let reaches: Vec<Vec<Reach>> = (0..self.recipients.len()).map(|t| self.who_can_reach(t)).collect();
        self.audit_full_access_send_on_behalf(&reaches, &mut out);
        self.audit_send_as(&reaches, &mut out);
        out
    }

    fn audit_orphans(&self, out: &mut Vec<Finding>) {
        let orphan = |kind_object: AuditObject, sid: &str, permission: AuditPermission, fix: AuditFix| Finding {
            kind: FindingKind::OrphanedEntry,
            object: kind_object,
            trustee: AuditTrustee::Sid(sid.to_string()),
            permission,
            via: AuditVia::Direct,
            chain: Vec::new(),
            fix: Some(fix),
        };
        for (i, r) in self.recipients.iter().enumerate() {
            for a in r.mailbox_acl.iter().filter(|a| !a.inherited && self.is_orphaned_sid(&a.sid)) {
                let fix = AuditFix::RemoveMailboxAce { mailbox: i, ace: a.clone() };
                out.push(orphan(AuditObject::Recipient(i), &a.sid, AuditPermission::MailboxRights(a.rights), fix));
            }
            for a in r.ad_acl.iter().filter(|a| !a.inherited && self.is_orphaned_sid(&a.sid)) {
                let object = AuditObject::Recipient(i);
                let permission = AuditPermission::AdRights { rights: a.rights, extended: a.extended_rights.clone() };
                out.push(orphan(object, &a.sid, permission, AuditFix::RemoveAdAce { object, ace: a.clone() }));
            }
            for f in &r.folders {
                for p in &f.permissions {
                    let FolderUser::Sid(sid) = &p.user else { continue };
                    if !self.is_orphaned_sid(sid) {
                        continue;
                    }
                    let permission =
                        AuditPermission::Folder { path: f.path.clone(), rights: p.rights, flags: p.sharing_flags };
                    let fix = AuditFix::RemoveFolderAce { mailbox: i, folder: f.path.clone(), user: p.user.clone() };
                    out.push(orphan(AuditObject::Recipient(i), sid, permission, fix));
                }
            }
        }
        if self.org.version.is_on_premises() {
            for (d, db) in self.databases.iter().enumerate() {
                for a in db.ad_acl.iter().filter(|a| !a.inherited && self.is_orphaned_sid(&a.sid)) {
                    let object = AuditObject::Database(d);
                    let permission =
                        AuditPermission::AdRights { rights: a.rights, extended: a.extended_rights.clone() };
                    out.push(orphan(object, &a.sid, permission, AuditFix::RemoveAdAce { object, ace: a.clone() }));
                }
            }
        }
    }

    /// True for a user mailbox whose account is disabled (not a shared or resource mailbox).
    pub fn is_departed(&self, i: usize) -> bool {
        self.recipients
            .get(i)
            .is_some_and(|r| r.kind == RecipientKind::UserMailbox && r.account_disabled && r.sid.is_some())
    }

    fn audit_departed(&self, out: &mut Vec<Finding>) {
        for user in (0..self.recipients.len()).filter(|u| self.is_departed(*u)) {
            for reach in self.reachable_by(user) {
                let t = reach.mailbox;
                let mut push = |permission: AuditPermission, via: AuditVia, fix: Option<AuditFix>| {
                    out.push(Finding {
                        kind: FindingKind::DepartedDelegate,
                        object: AuditObject::Recipient(t),
                        trustee: AuditTrustee::Recipient(user),
                        permission,
                        via,
                        chain: Vec::new(),
                        fix,
                    });
                };
                let a = &reach.access;
                if let (true, Some(r)) = (a.full_access.allowed, &a.full_access.reason) {
                    push(AuditPermission::FullAccess, self.via_of(r, user), self.fix_of(r, t, user));
                }
                if let (true, Some(r)) = (a.send_as.allowed, &a.send_as.reason)
                    && r.source != AccessSource::FullAccessAndSendOnBehalf
                {
                    push(AuditPermission::SendAs, self.via_of(r, user), self.fix_of(r, t, user));
                }
                if let (true, Some(r)) = (a.send_on_behalf.allowed, &a.send_on_behalf.reason) {
                    push(AuditPermission::SendOnBehalf, self.via_of(r, user), self.fix_of(r, t, user));
                }
                for f in reach.folders.iter().filter(|f| f.rights != 0 || f.sharing_flags != 0) {
                    let permission =
                        AuditPermission::Folder { path: f.folder.clone(), rights: f.rights, flags: f.sharing_flags };
                    let (via, fix) = self.folder_via_fix(t, user, &f.folder, &f.trustee_sid);
                    push(permission, via, fix);
                }
            }
        }
    }

    /// The direct delegate edges: `(x, y)` when y's GrantSendOnBehalfTo names user x itself.
    fn delegate_edges(&self) -> Vec<Vec<usize>> {
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); self.recipients.len()];
        for (y, r) in self.recipients.iter().enumerate().filter(|(_, r)| r.kind.is_mailbox()) {
            for g in &r.grant_send_on_behalf_to {
                if let Some(x) = self.recipient_by_guid(g)
                    && x != y
                    && self.is_user(x)
                    && !edges[x].contains(&y)
                {
                    edges[x].push(y);
                }
            }
        }
        for e in &mut edges {
            e.sort_unstable();
        }
        edges
    }

    fn audit_loops(&self, out: &mut Vec<Finding>) {
        let edges = self.delegate_edges();
        let mut cycles: Vec<Vec<usize>> = Vec::new();
        // Elementary cycles, each found once from its smallest member (its other members are
        // larger), by depth-first search.
        for start in 0..edges.len() {
            let mut path = vec![start];
            let mut iters = vec![0usize];
            while let Some(&node) = path.last() {
                let k = iters.last().copied().unwrap_or(0);
                let next = edges[node].get(k).copied();
                if let Some(it) = iters.last_mut() {
                    *it += 1;
                }
                match next {
                    None => {
                        path.pop();
                        iters.pop();
                    }
                    Some(n) if n == start && path.len() > 1 => cycles.push(path.clone()),
                    Some(n) if n > start && !path.contains(&n) => {
                        path.push(n);
                        iters.push(0);
                    }
                    Some(_) => {}
                }
                if cycles.len() >= MAX_LOOPS {
                    break;
                }
            }
        }
        for chain in cycles {
            let (first, last) = (chain[0], chain[chain.len() - 1]);
            out.push(Finding {
                kind: FindingKind::DelegationLoop,
                object: AuditObject::Recipient(first),
                trustee: AuditTrustee::Recipient(last),
                permission: AuditPermission::SendOnBehalf,
                via: AuditVia::Direct,
                fix: Some(AuditFix::RemoveSendOnBehalf { mailbox: first, delegate: last }),
                chain,
            });
        }
    }

    fn audit_incomplete(&self, out: &mut Vec<Finding>) {
        for (t, r) in self.recipients.iter().enumerate().filter(|(_, r)| r.kind == RecipientKind::UserMailbox) {
            let own_entry = |u: usize, path: &str| {
                let sid = self.recipients[u].sid.as_deref()?;
                let f = r.folders.iter().find(|f| eq_ci(&f.path, path))?;
                f.permissions.iter().find(|p| matches!(&p.user, FolderUser::Sid(s) if eq_ci(s, sid)))
            };
            let editor = |rights: u64| rights & folder::EDITOR == folder::EDITOR;
            let mut push = |u: usize, permission: AuditPermission, fix: AuditFix| {
                out.push(Finding {
                    kind: FindingKind::IncompleteDelegate,
                    object: AuditObject::Recipient(t),
                    trustee: AuditTrustee::Recipient(u),
                    permission,
                    via: AuditVia::Direct,
                    chain: Vec::new(),
                    fix: Some(fix),
                });
            };
            // Send on Behalf without the Calendar half.
            let mut seen: Vec<usize> = Vec::new();
            for g in &r.grant_send_on_behalf_to {
                let Some(u) = self.recipient_by_guid(g).filter(|u| *u != t && self.is_user(*u)) else { continue };
                if seen.contains(&u) {
                    continue;
                }
                seen.push(u);
                let calendar = self.folder_reach(t, u).into_iter().find(|f| eq_ci(&f.folder, "Calendar"));
                let complete = calendar.is_some_and(|c| editor(c.rights) || c.sharing_flags & sharing::DELEGATE != 0);
                if !complete {
                    let existing = own_entry(u, "Calendar").is_some();
                    push(
                        u,
                        AuditPermission::SendOnBehalf,
                        AuditFix::GrantCalendarEditor { mailbox: t, user: u, existing },
                    );
                }
            }
            // The folder half without Send on Behalf.
            let Some(calendar) = r.folders.iter().find(|f| eq_ci(&f.path, "Calendar")) else { continue };
            for p in &calendar.permissions {
                let FolderUser::Sid(sid) = &p.user else { continue };
                let Some(u) = self.recipient_by_sid(sid).filter(|u| *u != t && self.is_user(*u)) else { continue };
                let delegate_flag = p.sharing_flags & sharing::DELEGATE != 0;
                let both_editor = editor(p.rights) && own_entry(u, "Tasks").is_some_and(|x| editor(x.rights));
                if (delegate_flag || both_editor) && !self.send_on_behalf(t, u).allowed {
                    let permission = AuditPermission::Folder {
                        path: calendar.path.clone(),
                        rights: p.rights,
                        flags: p.sharing_flags,
                    };
                    push(u, permission, AuditFix::AddSendOnBehalf { mailbox: t, delegate: u });
                }
            }
        }
    }

    fn audit_full_access_send_on_behalf(&self, reaches: &[Vec<Reach>], out: &mut Vec<Finding>) {
        for (t, list) in reaches.iter().enumerate() {
            for reach in list {
                let a = &reach.access;
                let (true, true, Some(r)) = (a.full_access.allowed, a.send_on_behalf.allowed, &a.full_access.reason)
                else {
                    continue;
                };
                out.push(Finding {
                    kind: FindingKind::FullAccessSendOnBehalf,
                    object: AuditObject::Recipient(t),
                    trustee: AuditTrustee::Recipient(reach.user),
                    permission: AuditPermission::FullAccess,
                    via: self.via_of(r, reach.user),
                    chain: Vec::new(),
                    fix: self.fix_of(r, t, reach.user),
                });
            }
        }
    }

    fn audit_send_as(&self, reaches: &[Vec<Reach>], out: &mut Vec<Finding>) {
        for (t, list) in reaches.iter().enumerate() {
            for reach in list {
                let a = &reach.access;
                let (true, Some(r)) = (a.send_as.allowed, &a.send_as.reason) else { continue };
                let (via, fix) = if r.source == AccessSource::FullAccessAndSendOnBehalf {
                    let fix = a.full_access.reason.as_ref().and_then(|fa| self.fix_of(fa, t, reach.user));
                    (AuditVia::FullAccessAndSendOnBehalf, fix)
                } else {
                    (self.via_of(r, reach.user), self.fix_of(r, t, reach.user))
                };
                out.push(Finding {
                    kind: FindingKind::SendAs,
                    object: AuditObject::Recipient(t),
                    trustee: AuditTrustee::Recipient(reach.user),
                    permission: AuditPermission::SendAs,
                    via,
                    chain: Vec::new(),
                    fix,
                });
            }
        }
    }

    /// The group chain from the entry's trustee down to `user` (empty when the entry names it).
    fn chain_to(&self, trustee_sid: &str, user: usize) -> Vec<String> {
        let Some(sid) = self.recipients.get(user).and_then(|u| u.sid.as_deref()) else { return Vec::new() };
        if eq_ci(sid, trustee_sid) {
            return Vec::new();
        }
        self.group_chain(sid, trustee_sid).unwrap_or_else(|| vec![trustee_sid.to_string()])
    }

    /// How an access decision reaches `user`.
    fn via_of(&self, r: &AccessReason, user: usize) -> AuditVia {
        let chain = self.chain_to(&r.trustee_sid, user);
        match r.source {
            AccessSource::DatabaseReceiveAs => AuditVia::Database(self.database_of_reason(r).unwrap_or(0), chain),
            AccessSource::FullAccessAndSendOnBehalf => AuditVia::FullAccessAndSendOnBehalf,
            _ if chain.is_empty() => AuditVia::Direct,
            _ => AuditVia::Groups(chain),
        }
    }

    /// The database whose Receive-As entry decided `r` (the first on-premises database with an
    /// explicit or inherited Receive-As entry for the SID).
    fn database_of_reason(&self, r: &AccessReason) -> Option<usize> {
        self.databases.iter().position(|d| {
            d.ad_acl.iter().any(|a| eq_ci(&a.sid, &r.trustee_sid) && ad_ace_grants_extended_right(a, ad::RECEIVE_AS))
        })
    }

    /// The fix for an entry that names a group `user` belongs to: take the user out of the
    /// recipient group that holds it directly (`None` for built-in groups).
    fn group_fix(&self, trustee_sid: &str, user: usize) -> Option<AuditFix> {
        let chain = self.chain_to(trustee_sid, user);
        let holder = chain.last()?;
        let group = self.recipient_by_sid(holder)?;
        Some(AuditFix::RemoveGroupMember { group, member: user })
    }

    /// The change that takes away the access an entry gives `user` on `target`.
    fn fix_of(&self, r: &AccessReason, target: usize, user: usize) -> Option<AuditFix> {
        if r.via_group {
            return self.group_fix(&r.trustee_sid, user);
        }
        let t = self.recipients.get(target)?;
        match r.source {
            AccessSource::MailboxPermission => {
                let ace = t.mailbox_acl.iter().find(|a| {
                    !a.inherited && !a.deny && eq_ci(&a.sid, &r.trustee_sid) && a.rights & mailbox::FULL_ACCESS != 0
                })?;
                Some(AuditFix::RemoveMailboxAce {
                    mailbox: target,
                    ace: MailboxAce { rights: mailbox::FULL_ACCESS, ..ace.clone() },
                })
            }
            AccessSource::SendAsPermission => {
                let ace = t.ad_acl.iter().find(|a| {
                    !a.inherited
                        && !a.deny
                        && eq_ci(&a.sid, &r.trustee_sid)
                        && ad_ace_grants_extended_right(a, ad::SEND_AS)
                })?;
                Some(AuditFix::RemoveAdAce { object: AuditObject::Recipient(target), ace: ace.clone() })
            }
            AccessSource::DatabaseReceiveAs => {
                let d = self.database_of_reason(r)?;
                let ace = self.databases[d].ad_acl.iter().find(|a| {
                    !a.inherited
                        && !a.deny
                        && eq_ci(&a.sid, &r.trustee_sid)
                        && ad_ace_grants_extended_right(a, ad::RECEIVE_AS)
                })?;
                Some(AuditFix::RemoveAdAce { object: AuditObject::Database(d), ace: ace.clone() })
            }
            AccessSource::SendOnBehalf => {
                let delegate = self.recipient_by_sid(&r.trustee_sid)?;
                Some(AuditFix::RemoveSendOnBehalf { mailbox: target, delegate })
            }
            AccessSource::FullAccessAndSendOnBehalf => None,
        }
    }

    /// Via and fix for a user's folder rights on `target`'s folder, given the entry's SID.
    fn folder_via_fix(
        &self,
        target: usize,
        user: usize,
        path: &str,
        trustee_sid: &str,
    ) -> (AuditVia, Option<AuditFix>) {
        let chain = self.chain_to(trustee_sid, user);
        if chain.is_empty() {
            let fix = AuditFix::RemoveFolderAce {
                mailbox: target,
                folder: path.to_string(),
                user: FolderUser::Sid(trustee_sid.to_string()),
            };
            (AuditVia::Direct, Some(fix))
        } else {
            let fix = self.group_fix(trustee_sid, user);
            (AuditVia::Groups(chain), fix)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{ExchangeVersion, FolderAce, Inheritance, UpdateLevel};
    use crate::directory::test_org::*;

    fn sob(d: &mut Directory, mbx: usize, delegates: &[usize]) {
        let delegates = delegates.iter().map(|i| guid(d, *i)).collect();
        let mailbox = guid(d, mbx);
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox, delegates }).expect("sob");
    }
    fn folder(d: &mut Directory, mbx: usize, path: &str, user: usize, rights: u64) {
        let ace = FolderAce { user: FolderUser::Sid(sid(d, user)), rights, sharing_flags: 0 };
        let mailbox = guid(d, mbx);
        d.apply(&Change::AddFolderAce { mailbox, folder: path.into(), ace }).expect("folder");
    }
    fn kinds(d: &Directory) -> Vec<FindingKind> {
        d.permission_audit().iter().map(|f| f.kind).collect()
    }

    #[test]
    fn the_sample_org_has_no_findings_in_any_profile() {
        for v in ExchangeVersion::ALL {
            assert!(Directory::sample(v).permission_audit().is_empty(), "{v:?}");
        }
    }

    #[test]
    fn kind_names_round_trip() {
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::from_name(&k.name().to_ascii_lowercase()), Some(k));
        }
        assert_eq!(FindingKind::from_name("Loops"), None);
    }

    #[test]
    fn a_removed_user_leaves_orphans_everywhere_but_grant_send_on_behalf_to() {
        let mut d = org();
        let k = sid(&d, KIM);
        grant_fa(&mut d, KAREN, k.clone(), false);
        folder(&mut d, KAREN, "Calendar", KIM, folder::REVIEWER);
        sob(&mut d, KAREN, &[KIM]);
        let ace = AdAce {
            sid: k.clone(),
            rights: ad::EXTENDED_RIGHT,
            extended_rights: vec![ad::SEND_AS.into()],
            properties: vec![],
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        };
        d.apply(&Change::AddAdAce { object: guid(&d, KAREN), ace: ace.clone() }).expect("sa");
        d.apply(&Change::AddAdAce {
            object: "DB01".into(),
            ace: AdAce { extended_rights: vec![ad::RECEIVE_AS.into()], ..ace },
        })
        .expect("ra");
        let kim_guid = guid(&d, KIM);
        d.apply(&Change::RemoveRecipient { recipient: kim_guid }).expect("remove");
        let f = d.permission_audit();
        assert_eq!(f.len(), 4, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::OrphanedEntry && x.trustee == AuditTrustee::Sid(k.clone())));
        assert_eq!(f[3].object, AuditObject::Database(0));
        assert!(matches!(&f[2].fix, Some(AuditFix::RemoveFolderAce { folder, .. }) if folder == "Calendar"));
        // Well-known SIDs are never orphans.
        assert!(!d.is_orphaned_sid("S-1-1-0") && !d.is_orphaned_sid("S-1-5-32-544") && !d.is_orphaned_sid("S-1-5-10"));
        assert!(d.is_orphaned_sid(&k));
    }

    #[test]
    fn disabled_user_mailboxes_are_departed_but_shared_ones_are_not() {
        let mut d = org();
        let agents = sid(&d, AGENTS);
        grant_fa(&mut d, HELPDESK, agents, false);
        let h = sid(&d, HELPDESK);
        grant_fa(&mut d, KAREN, h, false);
        assert!(d.permission_audit().iter().all(|f| f.kind != FindingKind::DepartedDelegate));
        d.recipients[KIM].account_disabled = true;
        let f: Vec<Finding> =
            d.permission_audit().into_iter().filter(|f| f.kind == FindingKind::DepartedDelegate).collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].object, AuditObject::Recipient(HELPDESK));
        assert_eq!(f[0].via, AuditVia::Groups(vec![sid(&d, AGENTS)]));
        assert_eq!(f[0].fix, Some(AuditFix::RemoveGroupMember { group: AGENTS, member: KIM }));
    }

    #[test]
    fn loops_are_found_once_each() {
        let mut d = org();
        sob(&mut d, MICHELLE, &[KAREN]);
        sob(&mut d, AMY, &[MICHELLE]);
        sob(&mut d, KAREN, &[AMY, JOHN]);
        sob(&mut d, JOHN, &[KAREN]);
        let loops: Vec<Finding> =
            d.permission_audit().into_iter().filter(|f| f.kind == FindingKind::DelegationLoop).collect();
        assert_eq!(loops.len(), 2, "{loops:#?}");
        assert_eq!(loops[0].chain, vec![KAREN, MICHELLE, AMY]);
        assert_eq!(loops[0].fix, Some(AuditFix::RemoveSendOnBehalf { mailbox: KAREN, delegate: AMY }));
        assert_eq!(loops[1].chain, vec![KAREN, JOHN]);
    }

    #[test]
    fn incomplete_delegates_both_ways() {
        let mut d = org();
        sob(&mut d, KAREN, &[MICHELLE]);
        assert_eq!(kinds(&d), [FindingKind::IncompleteDelegate]);
        folder(&mut d, KAREN, "Calendar", MICHELLE, folder::EDITOR);
        assert!(d.permission_audit().is_empty());
        // Editor on Calendar and Tasks without Send on Behalf.
        folder(&mut d, KAREN, "Calendar", AMY, folder::EDITOR);
        assert!(d.permission_audit().is_empty(), "Calendar Editor alone is sharing");
        folder(&mut d, KAREN, "Tasks", AMY, folder::EDITOR);
        let f = d.permission_audit();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, Some(AuditFix::AddSendOnBehalf { mailbox: KAREN, delegate: AMY }));
        // Shared mailboxes are not delegate setups.
        let mut d = org();
        sob(&mut d, HELPDESK, &[MICHELLE]);
        assert!(d.permission_audit().is_empty());
    }

    #[test]
    fn full_access_and_send_on_behalf_and_the_send_as_inventory() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2010);
        d.org.update_level = Some(UpdateLevel::parse("SP3 RU7").expect("level"));
        sob(&mut d, KAREN, &[MICHELLE]);
        folder(&mut d, KAREN, "Calendar", MICHELLE, folder::EDITOR);
        let m = sid(&d, MICHELLE);
        grant_fa(&mut d, KAREN, m, false);
        let f = d.permission_audit();
        assert_eq!(kinds(&d), [FindingKind::FullAccessSendOnBehalf, FindingKind::SendAs]);
        assert_eq!(f[1].via, AuditVia::FullAccessAndSendOnBehalf);
        assert!(matches!(f[1].fix, Some(AuditFix::RemoveMailboxAce { mailbox: KAREN, .. })));
        d.org.update_level = Some(UpdateLevel::parse("SP3 RU8").expect("level"));
        assert_eq!(kinds(&d), [FindingKind::FullAccessSendOnBehalf]);
    }
}
