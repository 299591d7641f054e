//! Security principals (`-User`, `-Trustee`, `-Owner`), NT account names and group membership.

use super::{RecipientScope, ResolveError, Trustee, eq_ci, has_wildcard, is_sid_string};
use crate::directory::Directory;

impl Directory {
    /// The built-in principal with this SID.
    pub fn principal_by_sid(&self, sid: &str) -> Option<usize> {
        self.principals.iter().position(|p| eq_ci(&p.sid, sid))
    }

    /// -User / -Trustee / -Owner: recipients with a SID plus built-in principals
    /// (`NT AUTHORITY\SELF`, `CONTOSO\Domain Admins`, `Domain Admins`, SID strings, UPN, DOMAIN\sam, alias, name…).
    /// A well-formed SID that names nobody resolves to itself (orphaned entries can be removed by SID).
    /// Only security principals resolve by name: mailbox users, mail users and mail-enabled security
    /// groups (SecurityPrincipalIdParameter's allowed recipient types); a distribution group or a
    /// mail contact is NotFound (docs/reference/strict-rules.md §1).
    pub fn resolve_principal(&self, identity: &str) -> Result<Trustee, ResolveError> {
        if is_sid_string(identity) {
            if let Some(i) = self.recipient_by_sid(identity) {
                return Ok(self.trustee_for_recipient(i));
            }
            let sid = self.principal_by_sid(identity).map(|p| self.principals[p].sid.clone());
            let sid = sid.unwrap_or_else(|| identity.to_ascii_uppercase());
            return Ok(Trustee { account: self.account_name(&sid), sid, recipient: None });
        }
        let principals: Vec<usize> = self
            .principals
            .iter()
            .enumerate()
            .filter(|(_, p)| eq_ci(&p.account, identity) || eq_ci(&p.name, identity))
            .map(|(i, _)| i)
            .collect();
        let recipients: Vec<usize> = if has_wildcard(identity) {
            Vec::new()
        } else {
            self.find_recipients(identity, RecipientScope::Recipient)
                .into_iter()
                .filter(|i| self.recipients[*i].sid.is_some() && self.recipients[*i].kind.is_security_principal())
                .collect()
        };
        match (principals.len(), recipients.len()) {
            (1, 0) => {
                let p = &self.principals[principals[0]];
                Ok(Trustee { sid: p.sid.clone(), account: p.account.clone(), recipient: None })
            }
            (0, 1) => Ok(self.trustee_for_recipient(recipients[0])),
            (0, 0) => Err(ResolveError::NotFound),
            _ => Err(ResolveError::Ambiguous),
        }
    }

    /// The trustee for a recipient that has a SID (contacts get their Guid as a pseudo-SID).
    pub fn trustee_for_recipient(&self, i: usize) -> Trustee {
        let sid = self.recipients.get(i).and_then(|r| r.sid.clone()).unwrap_or_default();
        Trustee { account: self.account_name(&sid), sid, recipient: Some(i) }
    }

    /// `CONTOSO\michelle`, `NT AUTHORITY\SELF`; an unknown (orphaned) SID returns the SID string itself.
    pub fn account_name(&self, sid: &str) -> String {
        if let Some(p) = self.principal_by_sid(sid) {
            return self.principals[p].account.clone();
        }
        if let Some(r) = self.recipient_by_sid(sid) {
            return format!("{}\\{}", self.org.netbios, self.recipients[r].alias);
        }
        if let Some(a) = self.well_known_account(sid) {
            return a;
        }
        sid.to_string()
    }

    /// Transitive group membership (recipient groups and principal groups), cycle-safe.
    /// A SID is not a member of itself.
    pub fn is_member(&self, member_sid: &str, group_sid: &str) -> bool {
        let mut seen: Vec<String> = Vec::new();
        let mut stack: Vec<String> = vec![group_sid.to_string()];
        while let Some(g) = stack.pop() {
            if seen.iter().any(|s| eq_ci(s, &g)) {
                continue;
            }
            for m in self.direct_member_sids(&g) {
                if eq_ci(&m, member_sid) {
                    return true;
                }
                stack.push(m);
            }
            seen.push(g);
        }
        false
    }

    /// The SIDs of a group's direct members (members stored by Guid are translated; members
    /// without a SID, such as contacts, are skipped).
    pub fn direct_member_sids(&self, group_sid: &str) -> Vec<String> {
        let members: &[String] = if let Some(r) = self.recipient_by_sid(group_sid) {
            &self.recipients[r].members
        } else if let Some(p) = self.principal_by_sid(group_sid) {
            &self.principals[p].members
        } else {
            return Vec::new();
        };
        members
            .iter()
            .filter_map(|m| {
                if is_sid_string(m) {
                    Some(m.clone())
                } else {
                    self.recipient_by_guid(m).and_then(|i| self.recipients[i].sid.clone())
                }
            })
            .collect()
    }

    /// Every group SID `sid` belongs to, directly or through nesting (recipient and principal groups).
    pub fn group_sids_of(&self, sid: &str) -> Vec<String> {
        // The index lists the groups once it is built, so asking about many users (the plan's
        // access consequences on a big org) does not scan every recipient each time.
        let recipient_groups: Vec<String> = match self.recipients.warm_index() {
            Some(index) => index.groups().filter_map(|i| self.recipients[i].sid.clone()).collect(),
            None => self.recipients.iter().filter(|r| r.kind.is_group()).filter_map(|r| r.sid.clone()).collect(),
        };
        let groups =
            recipient_groups.into_iter().chain(self.principals.iter().filter(|p| p.is_group).map(|p| p.sid.clone()));
        groups.filter(|g| !eq_ci(g, sid) && self.is_member(sid, g)).collect()
    }
}
