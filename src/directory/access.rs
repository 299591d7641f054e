//! Effective access of a user on a mailbox (behavior.md §5): can the user open it (Full Access),
//! send as it (Send As), send on its behalf (GrantSendOnBehalfTo), and what the From line shows.
//!
//! Evaluation follows the Windows token model: the user's SID, every group it belongs to
//! (transitively, cycle-safe) and `NT AUTHORITY\SELF` when the user is the mailbox's own account.
//! Entries are read in canonical order (explicit Deny, explicit Allow, then inherited entries,
//! nearer ancestors first, Deny before Allow at each level); the first entry that names a SID of
//! the token and the right decides. Access is not transitive: Full Access to B gives nothing on
//! what B can open.

use super::Directory;
use super::identity::eq_ci;
use super::model::AdAce;
use super::rights::{ad, mailbox};
use super::sample::SID_SELF;

/// What kind of entry decided an access question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessSource {
    /// An entry of the mailbox's permissions (Get-MailboxPermission).
    MailboxPermission,
    /// A Receive-As (or GenericAll) entry on the mailbox's database (Get-ADPermission on the database).
    DatabaseReceiveAs,
    /// A Send-As (or all-extended-rights) entry on the recipient's AD object
    /// (Get-ADPermission / Get-RecipientPermission).
    SendAsPermission,
    /// The recipient's GrantSendOnBehalfTo list.
    SendOnBehalf,
    /// Full Access plus Send on Behalf, which let a delegate send as the mailbox on Exchange 2010
    /// before SP3 RU8, even past an explicit Send As Deny (seed 000). The reason's SID is the
    /// user's.
    FullAccessAndSendOnBehalf,
}

/// The entry that decided an access question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessReason {
    /// Which list the entry is in.
    pub source: AccessSource,
    /// The SID the entry names (the user, one of its groups, or `S-1-5-10` for SELF).
    pub trustee_sid: String,
    /// True for a Deny entry.
    pub deny: bool,
    /// True when the entry is inherited (or comes from the database).
    pub inherited: bool,
    /// True when the entry names a group the user belongs to rather than the user itself.
    pub via_group: bool,
}

/// The answer to one access question, with the entry that decided it (`None` when no entry
/// names the user: no access).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessDecision {
    /// The user has the access.
    pub allowed: bool,
    /// The deciding entry.
    pub reason: Option<AccessReason>,
}

impl AccessDecision {
    fn none() -> AccessDecision {
        AccessDecision { allowed: false, reason: None }
    }
}

/// Everything a user can do with a mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EffectiveAccess {
    /// Open the mailbox and read its contents.
    pub full_access: AccessDecision,
    /// Send as the mailbox.
    pub send_as: AccessDecision,
    /// Send on behalf of the mailbox.
    pub send_on_behalf: AccessDecision,
    /// What recipients see in From when the user sends from the mailbox, if the user can.
    pub from: Option<String>,
}

/// One candidate entry in evaluation order.
struct Candidate<'a> {
    sid: &'a str,
    deny: bool,
    inherited: bool,
    source: AccessSource,
}

/// True when an AD ACE covers an extended right: it names it, or it carries `ExtendedRight`
/// with no object type (all extended rights, as GenericAll does).
pub fn ad_ace_grants_extended_right(ace: &AdAce, right: &str) -> bool {
    if ace.extended_rights.is_empty() {
        ace.properties.is_empty() && ace.rights & ad::EXTENDED_RIGHT != 0
    } else {
        ace.extended_rights.iter().any(|x| eq_ci(x, right))
    }
}

/// Every entry that names a SID of the token, for each question, in evaluation order: the first
/// decides, the later ones are what it overrides (or, for Send on Behalf, further ways in). The
/// explain cmdlets print them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccessTrace {
    /// Full Access: the mailbox's entries, then its database's Receive-As entries.
    pub full_access: Vec<AccessReason>,
    /// Send As: the 2010 pre-RU8 rule first when it applies, then the Send-As entries.
    pub send_as: Vec<AccessReason>,
    /// Send on Behalf: the GrantSendOnBehalfTo entries naming the SID or one of its groups.
    pub send_on_behalf: Vec<AccessReason>,
}

impl Directory {
    /// The SIDs in `user`'s token when it acts on `target`: its own SID, every group it belongs
    /// to, and `NT AUTHORITY\SELF` when it is the target's own account. Empty for contacts.
    pub fn token_sids(&self, user: usize, target: Option<usize>) -> Vec<String> {
        let Some(sid) = self.recipients.get(user).and_then(|r| r.sid.clone()) else {
            return Vec::new();
        };
        let mut token = self.token_of_sid(&sid, None);
        if target == Some(user) {
            token.push(SID_SELF.to_string());
        }
        token
    }

    /// The token of any SID acting on `target`: the SID, every group it belongs to, and
    /// `NT AUTHORITY\SELF` when it is the target's own SID. Works for users, groups (what
    /// membership in the group gives), built-in principals and orphaned SIDs (just the SID).
    pub fn token_of_sid(&self, sid: &str, target: Option<usize>) -> Vec<String> {
        let mut token = vec![sid.to_string()];
        token.extend(self.group_sids_of(sid));
        let own = target.and_then(|t| self.recipients.get(t)).and_then(|r| r.sid.as_deref());
        if own.is_some_and(|o| eq_ci(o, sid)) {
            token.push(SID_SELF.to_string());
        }
        token
    }

    /// The Full Access entries of a mailbox in evaluation order. Levels: mailbox explicit,
    /// database explicit, then everything inherited; Deny first at each.
    fn full_access_order(&self, mailbox_index: usize) -> Vec<Candidate<'_>> {
        let Some(mbx) = self.recipients.get(mailbox_index) else {
            return Vec::new();
        };
        let db_acl: &[AdAce] = mbx
            .database
            .as_deref()
            .and_then(|n| self.database_by_name(n))
            .map(|i| self.databases[i].ad_acl.as_slice())
            .unwrap_or(&[]);
        let mbx_entries = mbx.mailbox_acl.iter().filter(|a| a.rights & mailbox::FULL_ACCESS != 0);
        let db_entries = db_acl.iter().filter(|a| ad_ace_grants_extended_right(a, ad::RECEIVE_AS));
        let mut order: Vec<Candidate> = Vec::new();
        for deny in [true, false] {
            order.extend(mbx_entries.clone().filter(|a| !a.inherited && a.deny == deny).map(|a| Candidate {
                sid: &a.sid,
                deny,
                inherited: false,
                source: AccessSource::MailboxPermission,
            }));
        }
        for deny in [true, false] {
            order.extend(db_entries.clone().filter(|a| !a.inherited && a.deny == deny).map(|a| Candidate {
                sid: &a.sid,
                deny,
                inherited: true,
                source: AccessSource::DatabaseReceiveAs,
            }));
        }
        for deny in [true, false] {
            order.extend(mbx_entries.clone().filter(|a| a.inherited && a.deny == deny).map(|a| Candidate {
                sid: &a.sid,
                deny,
                inherited: true,
                source: AccessSource::MailboxPermission,
            }));
            order.extend(db_entries.clone().filter(|a| a.inherited && a.deny == deny).map(|a| Candidate {
                sid: &a.sid,
                deny,
                inherited: true,
                source: AccessSource::DatabaseReceiveAs,
            }));
        }
        order
    }

    /// The Send-As entries of a recipient in evaluation order: explicit then inherited, Deny
    /// first at each level.
    fn send_as_order(&self, target: usize) -> Vec<Candidate<'_>> {
        let Some(t) = self.recipients.get(target) else {
            return Vec::new();
        };
        let entries = t.ad_acl.iter().filter(|a| ad_ace_grants_extended_right(a, ad::SEND_AS));
        let mut order: Vec<Candidate> = Vec::new();
        for inherited in [false, true] {
            for deny in [true, false] {
                order.extend(
                    entries.clone().filter(|a| a.inherited == inherited && a.deny == deny).map(|a| Candidate {
                        sid: &a.sid,
                        deny,
                        inherited,
                        source: AccessSource::SendAsPermission,
                    }),
                );
            }
        }
        order
    }

    /// The candidates naming a SID of `token`, as reasons (`own` is the SID asked about).
    fn matching(order: Vec<Candidate>, token: &[String], own: &str) -> Vec<AccessReason> {
        order.into_iter().filter(|c| token.iter().any(|t| eq_ci(t, c.sid))).map(|c| c.reason(own)).collect()
    }

    /// Full Access: mailbox permissions and the database's Receive-As entries, deny wins per
    /// canonical order.
    pub fn full_access(&self, mailbox_index: usize, user: usize) -> AccessDecision {
        match self.recipients.get(user).and_then(|u| u.sid.clone()) {
            Some(sid) => decision(self.full_access_of_sid(mailbox_index, &sid)),
            None => AccessDecision::none(),
        }
    }

    /// Every Full Access entry naming `sid`'s token on `mailbox_index`, deciding one first.
    pub fn full_access_of_sid(&self, mailbox_index: usize, sid: &str) -> Vec<AccessReason> {
        let token = self.token_of_sid(sid, Some(mailbox_index));
        Self::matching(self.full_access_order(mailbox_index), &token, sid)
    }

    /// Send As: the recipient's AD entries for the Send-As extended right (Get-ADPermission
    /// on-premises, Get-RecipientPermission Online), deny wins per canonical order.
    pub fn send_as(&self, target: usize, user: usize) -> AccessDecision {
        match self.recipients.get(user).and_then(|u| u.sid.clone()) {
            Some(sid) => decision(self.send_as_of_sid(target, &sid)),
            None => AccessDecision::none(),
        }
    }

    /// Every Send As reason for `sid`'s token on `target`, the deciding one first. On Exchange
    /// 2010 before SP3 RU8, Full Access plus Send on Behalf comes first when the Send-As entries
    /// alone do not allow it (seed 000): it wins even over an explicit Deny, which then follows.
    pub fn send_as_of_sid(&self, target: usize, sid: &str) -> Vec<AccessReason> {
        let token = self.token_of_sid(sid, Some(target));
        let entries = Self::matching(self.send_as_order(target), &token, sid);
        let allowed = entries.first().is_some_and(|r| !r.deny);
        let old_2010 = self.org.update_level.is_some_and(|l| l.full_access_sends_as());
        if !allowed
            && old_2010
            && decision(self.full_access_of_sid(target, sid)).allowed
            && decision(self.send_on_behalf_of_sid(target, sid)).allowed
        {
            let rule = AccessReason {
                source: AccessSource::FullAccessAndSendOnBehalf,
                trustee_sid: sid.to_string(),
                deny: false,
                inherited: false,
                via_group: false,
            };
            return std::iter::once(rule).chain(entries).collect();
        }
        entries
    }

    /// Send on Behalf: the user, or a group it belongs to, is in GrantSendOnBehalfTo.
    pub fn send_on_behalf(&self, target: usize, user: usize) -> AccessDecision {
        match self.recipients.get(user).and_then(|u| u.sid.clone()) {
            Some(sid) => decision(self.send_on_behalf_of_sid(target, &sid)),
            None => AccessDecision::none(),
        }
    }

    /// The GrantSendOnBehalfTo entries of `target` naming `sid` or one of its groups, in list
    /// order (all allow; there is no Deny in that list).
    pub fn send_on_behalf_of_sid(&self, target: usize, sid: &str) -> Vec<AccessReason> {
        let Some(t) = self.recipients.get(target) else {
            return Vec::new();
        };
        let token = self.token_of_sid(sid, None);
        t.grant_send_on_behalf_to
            .iter()
            .filter_map(|g| self.recipient_by_guid(g))
            .filter_map(|d| self.recipients[d].sid.clone())
            .filter(|s| token.iter().any(|x| eq_ci(x, s)))
            .map(|s| AccessReason {
                source: AccessSource::SendOnBehalf,
                via_group: !eq_ci(&s, sid),
                trustee_sid: s,
                deny: false,
                inherited: false,
            })
            .collect()
    }

    /// All three traces for `sid` on `target`.
    pub fn access_trace(&self, target: usize, sid: &str) -> AccessTrace {
        AccessTrace {
            full_access: self.full_access_of_sid(target, sid),
            send_as: self.send_as_of_sid(target, sid),
            send_on_behalf: self.send_on_behalf_of_sid(target, sid),
        }
    }

    /// True when `user` can open `mailbox` (Full Access).
    pub fn can_open(&self, mailbox_index: usize, user: usize) -> bool {
        self.full_access(mailbox_index, user).allowed
    }

    /// True when `user` can send as `target`.
    pub fn can_send_as(&self, target: usize, user: usize) -> bool {
        self.send_as(target, user).allowed
    }

    /// True when `user` can send on behalf of `target`.
    pub fn can_send_on_behalf(&self, target: usize, user: usize) -> bool {
        self.send_on_behalf(target, user).allowed
    }

    /// The name recipients see for a recipient: its display name, else its name.
    pub fn display_name_of(&self, i: usize) -> Option<String> {
        self.recipients.get(i).map(|r| if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() })
    }

    /// The From line recipients see when `user` sends from `target`: the target's display name
    /// with Send As (which wins when both apply), `"<user> on behalf of <target>"` with Send on
    /// Behalf only, `None` when the user can't send from it.
    pub fn from_line(&self, target: usize, user: usize) -> Option<String> {
        if self.can_send_as(target, user) {
            self.display_name_of(target)
        } else if self.can_send_on_behalf(target, user) {
            Some(format!("{} on behalf of {}", self.display_name_of(user)?, self.display_name_of(target)?))
        } else {
            None
        }
    }

    /// All of `user`'s access on `target`.
    pub fn effective_access(&self, target: usize, user: usize) -> EffectiveAccess {
        EffectiveAccess {
            full_access: self.full_access(target, user),
            send_as: self.send_as(target, user),
            send_on_behalf: self.send_on_behalf(target, user),
            from: self.from_line(target, user),
        }
    }
}

/// The decision a trace makes: its first entry (none: no access).
pub fn decision(trace: Vec<AccessReason>) -> AccessDecision {
    match trace.into_iter().next() {
        Some(r) => AccessDecision { allowed: !r.deny, reason: Some(r) },
        None => AccessDecision::none(),
    }
}

impl Candidate<'_> {
    fn reason(&self, own: &str) -> AccessReason {
        AccessReason {
            source: self.source,
            trustee_sid: self.sid.to_string(),
            deny: self.deny,
            inherited: self.inherited,
            via_group: !eq_ci(self.sid, SID_SELF) && !eq_ci(own, self.sid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{ExchangeVersion, Inheritance};
    use crate::directory::test_org::*;

    fn ad_ace(trustee_sid: &str, rights: u64, ext: &[&str], deny: bool) -> AdAce {
        AdAce {
            sid: trustee_sid.to_string(),
            rights,
            extended_rights: ext.iter().map(|s| s.to_string()).collect(),
            properties: vec![],
            deny,
            inheritance: Inheritance::All,
            inherited: false,
        }
    }

    #[test]
    fn owner_has_full_access_and_send_as_through_self() {
        let d = org();
        let fa = d.full_access(KAREN, KAREN);
        assert!(fa.allowed);
        let r = fa.reason.expect("reason");
        assert_eq!(r.trustee_sid, SID_SELF);
        assert!(!r.via_group && !r.inherited && !r.deny);
        assert!(d.can_send_as(KAREN, KAREN));
        assert_eq!(d.from_line(KAREN, KAREN).as_deref(), Some("Karen Berg"));
        // Online has the same SELF entries.
        let o = Directory::sample(ExchangeVersion::Online);
        assert!(o.can_open(KAREN, KAREN) && o.can_send_as(KAREN, KAREN));
    }

    #[test]
    fn nobody_else_has_access_at_the_start() {
        let d = org();
        for u in [MICHELLE, AMY, JOHN, KIM] {
            let e = d.effective_access(KAREN, u);
            assert_eq!(e.full_access, AccessDecision { allowed: false, reason: None });
            assert!(!e.send_as.allowed && !e.send_on_behalf.allowed);
            assert_eq!(e.from, None);
        }
        // The Administrator is denied by the inherited Deny FullAccess row, despite the Allow rows.
        let fa = d.full_access(KAREN, ADMIN);
        assert!(!fa.allowed);
        let r = fa.reason.expect("reason");
        assert!(r.deny && r.inherited && !r.via_group);
        assert_eq!(r.trustee_sid, sid(&d, ADMIN));
        // Contacts and groups as users get nothing.
        assert!(!d.can_open(KAREN, 12));
        assert!(!d.can_open(KAREN, ALLSTAFF));
    }

    #[test]
    fn full_access_direct_and_not_transitive() {
        let mut d = org();
        let (m, k) = (sid(&d, MICHELLE), sid(&d, KAREN));
        grant_fa(&mut d, KAREN, m.clone(), false);
        grant_fa(&mut d, AMY, k.clone(), false);
        assert!(d.can_open(KAREN, MICHELLE));
        assert!(d.can_open(AMY, KAREN));
        assert!(!d.can_open(AMY, MICHELLE), "Full Access does not chain");
        // Full Access alone does not let her send.
        assert_eq!(d.from_line(KAREN, MICHELLE), None);
    }

    #[test]
    fn full_access_through_a_group_and_explicit_deny_wins() {
        let mut d = org();
        let agents = sid(&d, AGENTS);
        grant_fa(&mut d, HELPDESK, agents.clone(), false);
        let fa = d.full_access(HELPDESK, KIM);
        assert!(fa.allowed);
        assert!(fa.reason.as_ref().is_some_and(|r| r.via_group && r.trustee_sid == agents));
        assert!(d.can_open(HELPDESK, DAVID));
        assert!(!d.can_open(HELPDESK, KAREN));
        // Explicit deny for Kim beats the group's allow.
        let kim = sid(&d, KIM);
        grant_fa(&mut d, HELPDESK, kim.clone(), true);
        let fa = d.full_access(HELPDESK, KIM);
        assert!(!fa.allowed);
        assert!(fa.reason.is_some_and(|r| r.deny && !r.via_group));
        assert!(d.can_open(HELPDESK, DAVID));
        // A deny on a group applies to its members too.
        let mut d = org();
        let t = sid(&d, DAVID);
        grant_fa(&mut d, HELPDESK, t, false);
        grant_fa(&mut d, HELPDESK, agents.clone(), true);
        assert!(!d.can_open(HELPDESK, DAVID));
    }

    #[test]
    fn nested_and_cyclic_groups() {
        let mut d = org();
        let (agents_guid, all_guid) = (guid(&d, AGENTS), guid(&d, ALLSTAFF));
        // Agents inside All Staff inside Agents: a cycle.
        d.recipients[ALLSTAFF].members.push(agents_guid);
        d.recipients[AGENTS].members.push(all_guid);
        let t = sid(&d, AGENTS);
        grant_fa(&mut d, HELPDESK, t, false);
        assert!(d.can_open(HELPDESK, AMY), "Amy is in All Staff, nested in Agents");
        assert!(!d.can_open(HELPDESK, ADMIN));
    }

    #[test]
    fn explicit_allow_beats_inherited_deny_for_admins() {
        let mut d = org();
        let t = sid(&d, ADMIN);
        grant_fa(&mut d, KAREN, t, false);
        assert!(d.can_open(KAREN, ADMIN));
        // Through a group (Domain Admins) too.
        let mut d = org();
        let da = format!("{}-512", d.org.domain_sid);
        grant_fa(&mut d, KAREN, da.clone(), false);
        let fa = d.full_access(KAREN, ADMIN);
        assert!(fa.allowed && fa.reason.is_some_and(|r| r.via_group && r.trustee_sid == da));
    }

    #[test]
    fn receive_as_on_the_database_opens_every_mailbox_in_it() {
        let mut d = org();
        let john = sid(&d, JOHN);
        d.apply(&Change::AddAdAce { object: "DB01".into(), ace: ad_ace(&john, 0, &["Receive-As"], false) })
            .expect("receive-as");
        let fa = d.full_access(KAREN, JOHN);
        assert!(fa.allowed);
        assert_eq!(fa.reason.map(|r| r.source), Some(AccessSource::DatabaseReceiveAs));
        assert!(d.can_open(HELPDESK, JOHN));
        assert!(!d.can_open(KIM, JOHN), "Kim is on DB02");
        // GenericAll works the same (Practical365's "unexpected permissions").
        let amy = sid(&d, AMY);
        d.apply(&Change::AddAdAce { object: "DB02".into(), ace: ad_ace(&amy, ad::GENERIC_ALL, &[], false) })
            .expect("generic all");
        assert!(d.can_open(KIM, AMY));
        // The database's inherited Deny Receive-As for Domain Admins does not beat an explicit
        // database grant for the Administrator (nearer level first).
        let admin = sid(&d, ADMIN);
        d.apply(&Change::AddAdAce { object: "DB02".into(), ace: ad_ace(&admin, 0, &["Receive-As"], false) })
            .expect("admin");
        assert!(d.can_open(KIM, ADMIN));
        // An explicit mailbox deny beats the database grant.
        grant_fa(&mut d, KAREN, john.clone(), true);
        assert!(!d.can_open(KAREN, JOHN));
    }

    #[test]
    fn exchange_2010_before_sp3_ru8_lets_full_access_and_send_on_behalf_send_as() {
        use crate::directory::model::UpdateLevel;
        for (level, sends_as) in [("SP3 RU7", true), ("SP2", true), ("SP3 RU8", false), ("SP3 RU32", false)] {
            let mut d = Directory::sample(ExchangeVersion::Exchange2010);
            d.org.update_level = Some(UpdateLevel::parse(level).expect("level"));
            let (k, m, ms) = (guid(&d, KAREN), guid(&d, MICHELLE), sid(&d, MICHELLE));
            d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m] }).expect("sob");
            // Send on Behalf alone is never Send As.
            assert!(!d.send_as(KAREN, MICHELLE).allowed, "{level}");
            grant_fa(&mut d, KAREN, ms.clone(), false);
            // Even an explicit Send-As deny does not stop it before RU8 (seed 000).
            d.apply(&Change::AddAdAce { object: k, ace: ad_ace(&ms, 0, &["Send-As"], true) }).expect("deny");
            let e = d.send_as(KAREN, MICHELLE);
            assert_eq!(e.allowed, sends_as, "{level}");
            let source = e.reason.map(|r| r.source);
            let expected =
                if sends_as { AccessSource::FullAccessAndSendOnBehalf } else { AccessSource::SendAsPermission };
            assert_eq!(source, Some(expected), "{level}");
            let from = if sends_as { "Karen Berg" } else { "Michelle Dubois on behalf of Karen Berg" };
            assert_eq!(d.from_line(KAREN, MICHELLE).as_deref(), Some(from), "{level}");
            // Full Access alone is not enough.
            assert!(!d.send_as(KAREN, AMY).allowed);
        }
    }

    #[test]
    fn send_as_and_send_on_behalf_and_the_from_line() {
        let mut d = org();
        let (k, m) = (guid(&d, KAREN), guid(&d, MICHELLE));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m] }).expect("sob");
        let e = d.effective_access(KAREN, MICHELLE);
        assert!(e.send_on_behalf.allowed && !e.send_as.allowed && !e.full_access.allowed);
        assert_eq!(e.from.as_deref(), Some("Michelle Dubois on behalf of Karen Berg"));
        // Send As wins when both apply.
        let ms = sid(&d, MICHELLE);
        d.apply(&Change::AddAdAce { object: k.clone(), ace: ad_ace(&ms, 0, &["Send-As"], false) }).expect("sa");
        let e = d.effective_access(KAREN, MICHELLE);
        assert!(e.send_as.allowed && e.send_on_behalf.allowed);
        assert_eq!(e.from.as_deref(), Some("Karen Berg"));
        // An explicit Send-As deny removes it again; on behalf remains.
        d.apply(&Change::AddAdAce { object: k, ace: ad_ace(&ms, 0, &["Send-As"], true) }).expect("deny");
        let e = d.send_as(KAREN, MICHELLE);
        assert!(!e.allowed && e.reason.is_some_and(|r| r.deny));
        assert_eq!(d.from_line(KAREN, MICHELLE).as_deref(), Some("Michelle Dubois on behalf of Karen Berg"));
        // Other users still can't.
        assert_eq!(d.from_line(KAREN, AMY), None);
    }

    #[test]
    fn send_on_behalf_and_send_as_through_groups() {
        let mut d = org();
        let (k, all) = (guid(&d, KAREN), guid(&d, ALLSTAFF));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k, delegates: vec![all] }).expect("sob");
        let e = d.send_on_behalf(KAREN, AMY);
        assert!(e.allowed && e.reason.is_some_and(|r| r.via_group));
        assert!(!d.can_send_on_behalf(KAREN, ADMIN));
        assert_eq!(d.from_line(KAREN, AMY).as_deref(), Some("Amy Alberts on behalf of Karen Berg"));
        // Send As granted to the security group on the shared mailbox.
        let (h, agents) = (guid(&d, HELPDESK), sid(&d, AGENTS));
        d.apply(&Change::AddAdAce { object: h, ace: ad_ace(&agents, 0, &["Send-As"], false) }).expect("sa");
        assert!(d.can_send_as(HELPDESK, KIM));
        assert_eq!(d.from_line(HELPDESK, KIM).as_deref(), Some("Help Desk"));
        assert!(!d.can_send_as(HELPDESK, KAREN));
        // Send As on a group target (distribution group) works the same way.
        let (g, m) = (guid(&d, ALLSTAFF), sid(&d, MICHELLE));
        d.apply(&Change::AddAdAce { object: g, ace: ad_ace(&m, 0, &["Send-As"], false) }).expect("group sa");
        assert_eq!(d.from_line(ALLSTAFF, MICHELLE).as_deref(), Some("All Staff"));
    }

    #[test]
    fn generic_all_on_the_user_object_includes_send_as_but_property_aces_do_not() {
        let mut d = org();
        let (k, m) = (guid(&d, KAREN), sid(&d, MICHELLE));
        let mut prop = ad_ace(&m, ad::EXTENDED_RIGHT | ad::READ_PROPERTY, &[], false);
        prop.properties = vec!["Personal-Information".into()];
        d.apply(&Change::AddAdAce { object: k.clone(), ace: prop }).expect("prop");
        assert!(!d.can_send_as(KAREN, MICHELLE));
        d.apply(&Change::AddAdAce { object: k, ace: ad_ace(&m, ad::GENERIC_ALL, &[], false) }).expect("ga");
        assert!(d.can_send_as(KAREN, MICHELLE));
    }

    #[test]
    fn traces_list_every_matching_entry_the_deciding_one_first() {
        let mut d = org();
        let (agents, kim) = (sid(&d, AGENTS), sid(&d, KIM));
        grant_fa(&mut d, HELPDESK, agents.clone(), false);
        grant_fa(&mut d, HELPDESK, kim.clone(), true);
        let t = d.access_trace(HELPDESK, &kim);
        assert_eq!(t.full_access.len(), 2);
        assert!(t.full_access[0].deny && !t.full_access[0].via_group && t.full_access[0].trustee_sid == kim);
        assert!(!t.full_access[1].deny && t.full_access[1].via_group && t.full_access[1].trustee_sid == agents);
        assert_eq!(decision(t.full_access), d.full_access(HELPDESK, KIM));
        // The group's own SID: what membership gives (the member's Deny is not in it).
        assert!(decision(d.full_access_of_sid(HELPDESK, &agents)).allowed);
        // An orphaned SID is just itself.
        let orphan = format!("{}-4242", d.org.domain_sid);
        grant_fa(&mut d, KAREN, orphan.clone(), false);
        assert_eq!(d.token_of_sid(&orphan, Some(KAREN)), vec![orphan.clone()]);
        assert!(decision(d.full_access_of_sid(KAREN, &orphan)).allowed);
        // The owner's token has SELF only on its own mailbox.
        let karen = sid(&d, KAREN);
        assert!(d.token_of_sid(&karen, Some(KAREN)).iter().any(|s| s == SID_SELF));
        assert!(!d.token_of_sid(&karen, Some(AMY)).iter().any(|s| s == SID_SELF));
    }

    #[test]
    fn the_2010_rule_comes_first_in_the_trace_and_the_deny_follows() {
        use crate::directory::model::UpdateLevel;
        let mut d = Directory::sample(ExchangeVersion::Exchange2010);
        d.org.update_level = Some(UpdateLevel::parse("SP3 RU7").expect("level"));
        let (k, m, ms) = (guid(&d, KAREN), guid(&d, MICHELLE), sid(&d, MICHELLE));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k.clone(), delegates: vec![m] }).expect("sob");
        grant_fa(&mut d, KAREN, ms.clone(), false);
        d.apply(&Change::AddAdAce { object: k, ace: ad_ace(&ms, 0, &["Send-As"], true) }).expect("deny");
        let t = d.send_as_of_sid(KAREN, &ms);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].source, AccessSource::FullAccessAndSendOnBehalf);
        assert!(t[1].deny && t[1].source == AccessSource::SendAsPermission);
        let sob = d.send_on_behalf_of_sid(KAREN, &ms);
        assert_eq!(sob.len(), 1);
        assert!(!sob[0].via_group);
    }

    #[test]
    fn send_on_behalf_traces_name_each_way_in() {
        let mut d = org();
        let (k, m, all) = (guid(&d, KAREN), guid(&d, MICHELLE), guid(&d, ALLSTAFF));
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: k, delegates: vec![m, all] }).expect("sob");
        let t = d.send_on_behalf_of_sid(KAREN, &sid(&d, MICHELLE));
        assert_eq!(t.len(), 2);
        // Stored order (AD returns linked values newest first), one reason per way in.
        assert!(t.iter().any(|r| !r.via_group && r.trustee_sid == sid(&d, MICHELLE)));
        assert!(t.iter().any(|r| r.via_group && r.trustee_sid == sid(&d, ALLSTAFF)));
        assert_eq!(d.display_name_of(KAREN).as_deref(), Some("Karen Berg"));
        assert_eq!(d.display_name_of(99), None);
    }

    #[test]
    fn out_of_range_indices_are_harmless() {
        let d = org();
        assert!(!d.can_open(99, KAREN));
        assert!(!d.can_open(KAREN, 99));
        assert!(!d.can_send_as(99, 99));
        assert!(!d.can_send_on_behalf(KAREN, 99));
        assert_eq!(d.from_line(99, KAREN), None);
    }
}
