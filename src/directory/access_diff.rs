//! The access consequences of a change set: who gains or loses the ability to open, send as or
//! send on behalf of which mailbox, or rights on which folder, and through what, after group
//! expansion and the version's rules. It asks the one access model (`reach.rs`, `access.rs`) about
//! each (mailbox, user) pair in both states and compares the answers.
//!
//! Only the pairs the differences can affect are asked about, so the cost follows the size of the
//! change, not of the org:
//! - an entry added, changed or removed on a recipient (mailbox or AD permission, folder
//!   permission, GrantSendOnBehalfTo): that recipient, for the users the entry's trustee stands
//!   for (itself, or every user in the group, nested groups expanded), in either state;
//! - an entry on a database: every mailbox in it, for the users of the entry's trustee;
//! - a group's members: the users of the members that came or went, on every recipient with an
//!   entry naming the group or a group that contains it (and the mailboxes of databases whose
//!   entries do), in either state;
//! - a recipient added or removed: everyone who can reach it in the state where it exists, and for
//!   a removed user everything it could reach; a removed group counts as all its members leaving it;
//! - a recipient moved to another database, or a change of version or update level: every user
//!   of the recipients concerned (the whole org for the version).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::Directory;
use super::access::{AccessDecision, AccessSource};
use super::diff::GuidMap;
use super::identity::eq_ci;
use super::model::{FolderUser, Recipient};
use super::reach::{FolderReach, Reach};
use super::sample::SID_SELF;

/// What kind of access changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessKind {
    /// Open the mailbox (Full Access).
    Open,
    /// Send as it.
    SendAs,
    /// Send on its behalf.
    SendOnBehalf,
    /// Rights on one folder.
    Folder,
    /// Outlook's delegate: Send on Behalf plus at least Editor on the Calendar, or the Delegate
    /// sharing flag on the Calendar entry (`Reach::is_delegate`, seed 003).
    Delegate,
}

impl AccessKind {
    /// The plan JSON's name.
    pub fn name(self) -> &'static str {
        match self {
            AccessKind::Open => "FullAccess",
            AccessKind::SendAs => "SendAs",
            AccessKind::SendOnBehalf => "SendOnBehalf",
            AccessKind::Folder => "FolderPermission",
            AccessKind::Delegate => "Delegate",
        }
    }
}

/// Gained, lost, or kept by another path (or with other folder rights).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessAction {
    /// The user could not, and can.
    Gain,
    /// The user keeps the access, through another entry or with other folder rights.
    Change,
    /// The user could, and cannot.
    Lose,
}

impl AccessAction {
    /// `gain`, `change`, `lose`.
    pub fn name(self) -> &'static str {
        match self {
            AccessAction::Gain => "gain",
            AccessAction::Change => "change",
            AccessAction::Lose => "lose",
        }
    }

    /// `+`, `~`, `-`.
    pub fn symbol(self) -> char {
        match self {
            AccessAction::Gain => '+',
            AccessAction::Change => '~',
            AccessAction::Lose => '-',
        }
    }
}

/// How the model's answer was reached: the entry that grants the access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessPath {
    /// `MailboxPermission`, `DatabaseReceiveAs`, `SendAsPermission`, `SendOnBehalf`,
    /// `FullAccessAndSendOnBehalf` (Exchange 2010 before SP3 RU8), `FolderPermission`.
    pub source: &'static str,
    /// The trustee the entry names (the user, a group, a database's name for Receive-As is in
    /// `database`).
    pub trustee: String,
    /// The groups from the entry's trustee down to the one holding the user, outermost first;
    /// empty for a direct grant.
    pub groups: Vec<String>,
    /// The database, for a Receive-As entry.
    pub database: Option<String>,
    /// True for an inherited entry.
    pub inherited: bool,
    /// Folder rights (role or rights names), for folder access.
    pub rights: Vec<String>,
}

/// One change in what a user can do with a mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessChange {
    /// Gain, change or lose.
    pub action: AccessAction,
    /// Which access.
    pub kind: AccessKind,
    /// The mailbox (or other recipient), by display name.
    pub mailbox: String,
    /// Its Guid.
    pub mailbox_guid: String,
    /// The user, by display name.
    pub user: String,
    /// Its Guid.
    pub user_guid: String,
    /// The folder path, for folder access.
    pub folder: Option<String>,
    /// How the user had it (`None` when the user did not).
    pub before: Option<AccessPath>,
    /// How the user has it after (`None` when the user does not).
    pub after: Option<AccessPath>,
}

fn display(r: &Recipient) -> String {
    if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() }
}

/// The users (by Guid) a SID stands for in `dir`: the user itself, or every user in the group,
/// nested groups expanded (downwards from the group, cycle-safe). SELF stands for nobody here:
/// it only ever gives a mailbox's own account access to itself.
fn users_under(dir: &Directory, sid: &str, out: &mut BTreeSet<String>) {
    if eq_ci(sid, SID_SELF) {
        return;
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut stack = vec![sid.to_string()];
    while let Some(s) = stack.pop() {
        if !seen.insert(s.to_ascii_lowercase()) {
            continue;
        }
        if let Some(i) = dir.recipient_by_sid(&s)
            && dir.is_user(i)
        {
            out.insert(dir.recipients[i].guid.to_ascii_lowercase());
            continue;
        }
        stack.extend(dir.direct_member_sids(&s));
    }
}

/// The SID of a group member or GrantSendOnBehalfTo entry (a Guid or a SID) in either state.
fn member_sid(dirs: [&Directory; 2], id: &str) -> Option<String> {
    if id.to_ascii_uppercase().starts_with("S-1-") {
        return Some(id.to_string());
    }
    dirs.iter().find_map(|d| d.recipient_by_guid(id).and_then(|i| d.recipients[i].sid.clone()))
}

/// The pairs to ask about: per target Guid, the users' Guids (lowercase).
#[derive(Default)]
struct Pairs {
    targets: BTreeMap<String, BTreeSet<String>>,
}

impl Pairs {
    /// Every user an entry of the target names, in both states (who could reach it at all).
    fn all(&mut self, dirs: [&Directory; 2], target: &str) {
        let mut users = BTreeSet::new();
        for d in dirs {
            if let Some(t) = d.recipient_by_guid(target) {
                entry_users(d, t, &mut users);
            }
        }
        self.users(target, &users);
    }

    fn users(&mut self, target: &str, users: &BTreeSet<String>) {
        if users.is_empty() {
            return;
        }
        self.targets.entry(target.to_ascii_lowercase()).or_default().extend(users.iter().cloned());
    }
}

/// The users every entry of recipient `t` names (its mailbox and AD entries, folder entries,
/// GrantSendOnBehalfTo and its database's entries), groups expanded downwards: everyone the
/// access model could find access for on it. Cheaper than `who_can_reach`, which expands groups by
/// asking every user of the org.
fn entry_users(dir: &Directory, t: usize, out: &mut BTreeSet<String>) {
    let r = &dir.recipients[t];
    let mut sids: Vec<&str> = Vec::new();
    sids.extend(r.mailbox_acl.iter().map(|a| a.sid.as_str()));
    sids.extend(r.ad_acl.iter().map(|a| a.sid.as_str()));
    for f in &r.folders {
        sids.extend(f.permissions.iter().filter_map(|p| match &p.user {
            FolderUser::Sid(s) => Some(s.as_str()),
            _ => None,
        }));
    }
    let gsob: Vec<String> = r
        .grant_send_on_behalf_to
        .iter()
        .filter_map(|g| dir.recipient_by_guid(g).and_then(|i| dir.recipients[i].sid.clone()))
        .collect();
    sids.extend(gsob.iter().map(String::as_str));
    if let Some(db) = r.database.as_deref().and_then(|n| dir.database_by_name(n)) {
        sids.extend(dir.databases[db].ad_acl.iter().map(|a| a.sid.as_str()));
    }
    let mut done: HashSet<String> = HashSet::new();
    for s in sids {
        if done.insert(s.to_ascii_lowercase()) {
            users_under(dir, s, out);
        }
    }
}

/// Entries of a list that differ between two states (by equality), both sides.
fn changed<'a, T: PartialEq>(b: &'a [T], a: &'a [T]) -> impl Iterator<Item = &'a T> {
    b.iter().filter(|x| !a.contains(x)).chain(a.iter().filter(|x| !b.contains(x)))
}

fn changed_ids<'a>(b: &'a [String], a: &'a [String]) -> impl Iterator<Item = &'a String> {
    b.iter().filter(|x| !a.iter().any(|y| eq_ci(x, y))).chain(a.iter().filter(|x| !b.iter().any(|y| eq_ci(x, y))))
}

/// The SIDs whose entries differ on one recipient present in both states.
fn changed_sids(dirs: [&Directory; 2], b: &Recipient, a: &Recipient) -> Vec<String> {
    let mut sids: Vec<String> = Vec::new();
    sids.extend(changed(&b.mailbox_acl, &a.mailbox_acl).map(|e| e.sid.clone()));
    sids.extend(changed(&b.ad_acl, &a.ad_acl).map(|e| e.sid.clone()));
    sids.extend(
        changed_ids(&b.grant_send_on_behalf_to, &a.grant_send_on_behalf_to).filter_map(|g| member_sid(dirs, g)),
    );
    let empty = Vec::new();
    let perms = |fs: &'_ [super::model::Folder], path: &str| -> Vec<super::model::FolderAce> {
        fs.iter().find(|f| eq_ci(&f.path, path)).map_or_else(|| empty.clone(), |f| f.permissions.clone())
    };
    let mut paths: Vec<&str> = b.folders.iter().map(|f| f.path.as_str()).collect();
    paths.extend(a.folders.iter().map(|f| f.path.as_str()));
    paths.sort_unstable_by_key(|p| p.to_ascii_lowercase());
    paths.dedup_by(|x, y| eq_ci(x, y));
    for p in paths {
        let (x, y) = (perms(&b.folders, p), perms(&a.folders, p));
        sids.extend(changed(&x, &y).filter_map(|e| match &e.user {
            FolderUser::Sid(s) => Some(s.clone()),
            _ => None,
        }));
    }
    sids
}

/// True when an entry of recipient `r` (in `dir`) names one of `sids` (lowercase).
fn names_any(dir: &Directory, r: &Recipient, sids: &HashSet<String>) -> bool {
    let hit = |s: &str| sids.contains(&s.to_ascii_lowercase());
    r.mailbox_acl.iter().any(|a| hit(&a.sid))
        || r.ad_acl.iter().any(|a| hit(&a.sid))
        || r.folders.iter().any(|f| f.permissions.iter().any(|p| matches!(&p.user, FolderUser::Sid(s) if hit(s))))
        || r.grant_send_on_behalf_to
            .iter()
            .any(|g| dir.recipient_by_guid(g).and_then(|i| dir.recipients[i].sid.as_deref()).is_some_and(hit))
}

/// Collects the pairs the differences between `before` and `after` can affect.
fn affected(before: &Directory, after: &Directory) -> Pairs {
    let dirs = [before, after];
    let mut pairs = Pairs::default();
    let users_of = |sids: &[String]| {
        let mut u = BTreeSet::new();
        for s in sids {
            for d in dirs {
                users_under(d, s, &mut u);
            }
        }
        u
    };
    let rules_changed = before.org.version != after.org.version || before.org.update_level != after.org.update_level;
    // Group membership changes: the groups concerned (and what contains them), and the users of
    // the members that came or went.
    let mut groups: Vec<String> = Vec::new();
    let mut moved_members: Vec<String> = Vec::new();
    let mut removed_users: Vec<String> = Vec::new();
    let (before_map, after_map) = (GuidMap::of(before), GuidMap::of(after));
    for (bi, b) in before.recipients.iter().enumerate() {
        let Some(ai) = after_map.get(&b.guid) else {
            pairs.all(dirs, &b.guid);
            if before.is_user(bi) {
                removed_users.push(b.guid.clone());
            }
            if b.kind.is_group()
                && let Some(s) = &b.sid
            {
                groups.push(s.clone());
                moved_members.extend(b.members.iter().filter_map(|m| member_sid(dirs, m)));
            }
            continue;
        };
        let a = &after.recipients[ai];
        if b == a && !rules_changed {
            continue;
        }
        if rules_changed || b.database != a.database || b.sid != a.sid || b.kind != a.kind {
            pairs.all(dirs, &b.guid);
        }
        let sids = changed_sids(dirs, b, a);
        if !sids.is_empty() {
            pairs.users(&b.guid, &users_of(&sids));
        }
        let m: Vec<String> = changed_ids(&b.members, &a.members).filter_map(|m| member_sid(dirs, m)).collect();
        if !m.is_empty()
            && let Some(s) = a.sid.clone().or_else(|| b.sid.clone())
        {
            groups.push(s);
            moved_members.extend(m);
        }
    }
    for a in after.recipients.iter().filter(|a| before_map.get(&a.guid).is_none()) {
        pairs.all(dirs, &a.guid);
        if a.kind.is_group()
            && let Some(s) = &a.sid
        {
            groups.push(s.clone());
            moved_members.extend(a.members.iter().filter_map(|m| member_sid(dirs, m)));
        }
    }
    for (x, y) in [(before, after), (after, before)] {
        for p in &x.principals {
            let other = y.principal_by_sid(&p.sid).map(|i| &y.principals[i].members);
            let empty = Vec::new();
            let m: Vec<String> =
                changed_ids(&p.members, other.unwrap_or(&empty)).filter_map(|m| member_sid(dirs, m)).collect();
            if !m.is_empty() {
                groups.push(p.sid.clone());
                moved_members.extend(m);
            }
        }
    }
    // Databases: entries that differ apply to every mailbox in the database.
    let mut db_sids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (x, y) in [(before, after), (after, before)] {
        for db in &x.databases {
            let other = y.database_by_name(&db.name).map(|i| y.databases[i].ad_acl.as_slice()).unwrap_or(&[]);
            let sids: Vec<String> = db.ad_acl.iter().filter(|e| !other.contains(e)).map(|e| e.sid.clone()).collect();
            if !sids.is_empty() {
                db_sids.entry(db.name.to_ascii_lowercase()).or_default().extend(sids);
            }
        }
    }
    // One pass over the org for the groups and databases concerned.
    let mut named: HashSet<String> = HashSet::new();
    for g in &groups {
        named.insert(g.to_ascii_lowercase());
        for d in dirs {
            named.extend(d.group_sids_of(g).into_iter().map(|s| s.to_ascii_lowercase()));
        }
    }
    let movers = users_of(&moved_members);
    let db_users: BTreeMap<String, BTreeSet<String>> = db_sids.iter().map(|(k, v)| (k.clone(), users_of(v))).collect();
    for d in dirs {
        let dbs_naming: Vec<String> = if named.is_empty() {
            Vec::new()
        } else {
            d.databases
                .iter()
                .filter(|db| db.ad_acl.iter().any(|a| named.contains(&a.sid.to_ascii_lowercase())))
                .map(|db| db.name.to_ascii_lowercase())
                .collect()
        };
        for r in d.recipients.iter() {
            if rules_changed {
                pairs.all(dirs, &r.guid);
                continue;
            }
            let db = r.database.as_deref().map(str::to_ascii_lowercase);
            if !movers.is_empty() && (names_any(d, r, &named) || db.as_ref().is_some_and(|x| dbs_naming.contains(x))) {
                pairs.users(&r.guid, &movers);
            }
            if let Some(u) = db.as_ref().and_then(|x| db_users.get(x)) {
                pairs.users(&r.guid, u);
            }
        }
    }
    // A removed user loses everything it could reach: the entries naming it directly (its groups'
    // entries are covered by its leaving the groups, above). One pass for all removed users.
    if !removed_users.is_empty() {
        let gone: BTreeSet<String> = removed_users.iter().map(|g| g.to_ascii_lowercase()).collect();
        let sids: HashSet<String> = removed_users
            .iter()
            .filter_map(|g| before.recipient_by_guid(g).and_then(|i| before.recipients[i].sid.as_deref()))
            .map(str::to_ascii_lowercase)
            .collect();
        let dbs: Vec<String> = before
            .databases
            .iter()
            .filter(|db| db.ad_acl.iter().any(|a| sids.contains(&a.sid.to_ascii_lowercase())))
            .map(|db| db.name.to_ascii_lowercase())
            .collect();
        for r in before.recipients.iter() {
            let in_db = r.database.as_deref().is_some_and(|d| dbs.contains(&d.to_ascii_lowercase()));
            if in_db || names_any(before, r, &sids) {
                pairs.users(&r.guid, &gone);
            }
        }
    }
    pairs
}

fn path_of(dir: &Directory, user: usize, target: usize, d: &AccessDecision) -> Option<AccessPath> {
    if !d.allowed {
        return None;
    }
    let r = d.reason.as_ref()?;
    let source = match r.source {
        AccessSource::MailboxPermission => "MailboxPermission",
        AccessSource::DatabaseReceiveAs => "DatabaseReceiveAs",
        AccessSource::SendAsPermission => "SendAsPermission",
        AccessSource::SendOnBehalf => "SendOnBehalf",
        AccessSource::FullAccessAndSendOnBehalf => "FullAccessAndSendOnBehalf",
    };
    let database =
        (r.source == AccessSource::DatabaseReceiveAs).then(|| dir.recipients[target].database.clone()).flatten();
    Some(AccessPath {
        source,
        trustee: trustee_name(dir, &r.trustee_sid),
        groups: chain(dir, user, &r.trustee_sid, r.via_group),
        database,
        inherited: r.inherited,
        rights: Vec::new(),
    })
}

fn trustee_name(dir: &Directory, sid: &str) -> String {
    match dir.recipient_by_sid(sid) {
        Some(i) => display(&dir.recipients[i]),
        None => dir.account_name(sid),
    }
}

/// The group names from `outer` down to the group that holds the user, outermost first.
fn chain(dir: &Directory, user: usize, outer: &str, via_group: bool) -> Vec<String> {
    if !via_group {
        return Vec::new();
    }
    let Some(sid) = dir.recipients.get(user).and_then(|u| u.sid.clone()) else { return Vec::new() };
    dir.group_chain(&sid, outer)
        .unwrap_or_else(|| vec![outer.to_string()])
        .iter()
        .map(|g| trustee_name(dir, g))
        .collect()
}

fn folder_path(dir: &Directory, user: usize, f: &FolderReach) -> AccessPath {
    let own = dir.recipients.get(user).and_then(|u| u.sid.as_deref()).is_some_and(|s| eq_ci(s, &f.trustee_sid));
    let mut rights = super::diff::folder_rights_names(f.rights);
    rights.extend(super::diff::sharing_flag_names(f.sharing_flags));
    AccessPath {
        source: "FolderPermission",
        trustee: trustee_name(dir, &f.trustee_sid),
        groups: chain(dir, user, &f.trustee_sid, !own),
        database: None,
        inherited: false,
        rights,
    }
}

/// One side of a pair: the state, the target's and the user's indices there, and the reach.
struct Side<'a> {
    dir: &'a Directory,
    target: usize,
    user: usize,
    reach: Reach,
}

fn side<'a>(dir: &'a Directory, target: &str, user: &str) -> Option<Side<'a>> {
    let t = dir.recipient_by_guid(target)?;
    let u = dir.recipient_by_guid(user)?;
    if t == u || !dir.is_user(u) {
        return None;
    }
    Some(Side { dir, target: t, user: u, reach: dir.reach(t, u) })
}

fn compare(b: Option<&Side>, a: Option<&Side>, out: &mut Vec<AccessChange>) {
    let Some(any) = a.or(b) else { return };
    let mailbox = display(&any.dir.recipients[any.target]);
    let mailbox_guid = any.dir.recipients[any.target].guid.clone();
    let user = display(&any.dir.recipients[any.user]);
    let user_guid = any.dir.recipients[any.user].guid.clone();
    let mut push = |kind, folder: Option<String>, x: Option<AccessPath>, y: Option<AccessPath>| {
        let action = match (&x, &y) {
            (None, Some(_)) => AccessAction::Gain,
            (Some(_), None) => AccessAction::Lose,
            (Some(p), Some(q)) if p != q => AccessAction::Change,
            _ => return,
        };
        out.push(AccessChange {
            action,
            kind,
            mailbox: mailbox.clone(),
            mailbox_guid: mailbox_guid.clone(),
            user: user.clone(),
            user_guid: user_guid.clone(),
            folder,
            before: x,
            after: y,
        });
    };
    let decision = |s: Option<&Side>, k: AccessKind| -> Option<AccessPath> {
        let s = s?;
        let d = match k {
            AccessKind::Open => &s.reach.access.full_access,
            AccessKind::SendAs => &s.reach.access.send_as,
            _ => &s.reach.access.send_on_behalf,
        };
        path_of(s.dir, s.user, s.target, d)
    };
    for k in [AccessKind::Open, AccessKind::SendAs, AccessKind::SendOnBehalf] {
        push(k, None, decision(b, k), decision(a, k));
    }
    let mut folders: Vec<String> = Vec::new();
    for s in [b, a].into_iter().flatten() {
        for f in &s.reach.folders {
            if !folders.iter().any(|x| eq_ci(x, &f.folder)) {
                folders.push(f.folder.clone());
            }
        }
    }
    let folder = |s: Option<&Side>, path: &str| -> Option<AccessPath> {
        let s = s?;
        let f = s.reach.folders.iter().find(|f| eq_ci(&f.folder, path) && f.rights != 0)?;
        Some(folder_path(s.dir, s.user, f))
    };
    for p in folders {
        push(AccessKind::Folder, Some(p.clone()), folder(b, &p), folder(a, &p));
    }
    let delegate = |s: Option<&Side>| -> Option<AccessPath> {
        let s = s?;
        if !s.reach.is_delegate() {
            return None;
        }
        let cal = s.reach.folders.iter().find(|f| eq_ci(&f.folder, "Calendar"));
        let mut rights = cal.map(|f| super::diff::folder_rights_names(f.rights)).unwrap_or_default();
        rights.extend(cal.map(|f| super::diff::sharing_flag_names(f.sharing_flags)).unwrap_or_default());
        Some(AccessPath {
            source: "Delegate",
            trustee: display(&s.dir.recipients[s.user]),
            groups: Vec::new(),
            database: None,
            inherited: false,
            rights,
        })
    };
    push(AccessKind::Delegate, None, delegate(b), delegate(a));
}

/// Every change in access between `before` and `after`, by mailbox (in `after`'s order, removed
/// ones after), then user, then kind.
pub fn access_changes(before: &Directory, after: &Directory) -> Vec<AccessChange> {
    let pairs = affected(before, after);
    let mut out = Vec::new();
    for (target, users) in &pairs.targets {
        for u in users {
            let (b, a) = (side(before, target, u), side(after, target, u));
            compare(b.as_ref(), a.as_ref(), &mut out);
        }
    }
    let order = |guid: &str| -> (usize, usize) {
        match after.recipient_by_guid(guid) {
            Some(i) => (0, i),
            None => (1, before.recipient_by_guid(guid).unwrap_or(usize::MAX)),
        }
    };
    out.sort_by(|x, y| {
        (order(&x.mailbox_guid), order(&x.user_guid), x.kind, &x.folder).cmp(&(
            order(&y.mailbox_guid),
            order(&y.user_guid),
            y.kind,
            &y.folder,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{Inheritance, MailboxAce};
    use crate::directory::rights::mailbox;
    use crate::directory::test_org::{AGENTS, AMY, HELPDESK, KAREN, KIM, MICHELLE, org};

    fn fa(sid: String, deny: bool) -> MailboxAce {
        MailboxAce { sid, rights: mailbox::FULL_ACCESS, deny, inheritance: Inheritance::All, inherited: false }
    }

    #[test]
    fn adding_a_member_gives_access_through_the_group() {
        let mut before = org();
        let (h, agents) =
            (before.recipients[HELPDESK].guid.clone(), before.recipients[AGENTS].sid.clone().unwrap_or_default());
        before.apply(&Change::AddMailboxAce { mailbox: h, ace: fa(agents, false) }).expect("grant");
        let mut after = before.clone();
        let (g, amy) = (after.recipients[AGENTS].guid.clone(), after.recipients[AMY].guid.clone());
        after.apply(&Change::AddGroupMember { group: g, member: amy }).expect("member");
        let c = access_changes(&before, &after);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].action, c[0].kind, c[0].user.as_str()), (AccessAction::Gain, AccessKind::Open, "Amy Alberts"));
        assert_eq!(c[0].after.as_ref().map(|p| p.groups.clone()), Some(vec!["Help Desk Agents".to_string()]));
    }

    #[test]
    fn a_direct_grant_removed_while_a_group_still_gives_it_is_a_change_of_path() {
        let mut before = org();
        let h = before.recipients[HELPDESK].guid.clone();
        let agents = before.recipients[AGENTS].sid.clone().unwrap_or_default();
        let kim = before.recipients[KIM].sid.clone().unwrap_or_default();
        // Kim's own entry comes first, so it is the one that decides until it goes.
        before.apply(&Change::AddMailboxAce { mailbox: h.clone(), ace: fa(kim.clone(), false) }).expect("grant");
        before.apply(&Change::AddMailboxAce { mailbox: h.clone(), ace: fa(agents, false) }).expect("grant");
        let mut after = before.clone();
        after.apply(&Change::RemoveMailboxAce { mailbox: h, ace: fa(kim, false) }).expect("remove");
        let c = access_changes(&before, &after);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].action, AccessAction::Change);
    }

    #[test]
    fn removing_a_user_loses_what_it_could_reach() {
        let mut before = org();
        let (k, m) =
            (before.recipients[KAREN].guid.clone(), before.recipients[MICHELLE].sid.clone().unwrap_or_default());
        before.apply(&Change::AddMailboxAce { mailbox: k, ace: fa(m, false) }).expect("grant");
        let mut after = before.clone();
        let mg = after.recipients[MICHELLE].guid.clone();
        after.apply(&Change::RemoveRecipient { recipient: mg }).expect("remove");
        let c = access_changes(&before, &after);
        assert!(
            c.iter()
                .any(|x| x.action == AccessAction::Lose && x.mailbox == "Karen Berg" && x.user == "Michelle Dubois"),
            "{c:#?}"
        );
    }
}
