//! Creating, changing and deleting recipients and group membership: the builder New-* cmdlets
//! use (deterministic Guids and SIDs, the version's default permissions) and the `apply` arms of
//! the lifecycle [`Change`](super::Change) variants.

use super::Directory;
use super::apply::DirectoryError;
use super::change::RecipientField;
use super::identity::eq_ci;
use super::model::{AutomateProcessing, CalendarProcessing, Recipient, RecipientKind};

/// What a New-* cmdlet knows about the recipient to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipient {
    /// `Name` (the CN).
    pub name: String,
    /// `Alias` (also SamAccountName and the address's local part).
    pub alias: String,
    /// `DisplayName`; the Name when `None`.
    pub display_name: Option<String>,
    /// `FirstName`.
    pub first_name: String,
    /// `LastName`.
    pub last_name: String,
    /// `RecipientTypeDetails`.
    pub kind: RecipientKind,
    /// Database name for mailboxes; the first database when `None`.
    pub database: Option<String>,
    /// External address of contacts and mail users (without prefix).
    pub external_email: Option<String>,
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Directory {
    /// A deterministic, realistic-looking (version 4 layout) lowercase GUID derived from the
    /// org's domain SID and `seed`: the same script run twice writes the same Guids.
    pub fn derive_guid(&self, seed: &str) -> String {
        let input = format!("{}|{seed}", self.org.domain_sid);
        let hi = fnv1a(input.as_bytes(), 0x5a5a);
        let lo = fnv1a(input.as_bytes(), 0xa5a5_0000_1234);
        let hi = (hi & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
        let lo = (lo & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xffff,
            hi & 0xffff,
            lo >> 48,
            lo & 0xffff_ffff_ffff
        )
    }

    /// A complete new recipient like the sample ones: SID from `next_rid` (accounts and groups),
    /// Guid/ExchangeGuid derived from alias and RID, `SMTP:alias@domain`, and for mailboxes the
    /// version's default mailbox permissions, AD entries and folders. Not yet in the directory:
    /// apply `Change::AddRecipient` with it.
    pub fn build_recipient(&self, spec: &NewRecipient) -> Recipient {
        let kind = spec.kind;
        let is_contact = kind == RecipientKind::MailContact;
        let rid = self.org.next_rid;
        let external = spec.external_email.as_ref().map(|e| {
            let bare = e.split_once(':').filter(|(p, _)| eq_ci(p, "smtp")).map(|(_, r)| r).unwrap_or(e);
            bare.to_string()
        });
        let smtp = match (&external, is_contact) {
            (Some(x), true) => x.clone(),
            _ => format!("{}@{}", spec.alias, self.org.domain),
        };
        let mailbox = kind.is_mailbox();
        let seed = format!("{}|{rid}", spec.alias.to_lowercase());
        Recipient {
            guid: self.derive_guid(&format!("guid|{seed}")),
            exchange_guid: mailbox.then(|| self.derive_guid(&format!("exchangeguid|{seed}"))),
            sid: (!is_contact).then(|| self.account_sid(rid)),
            name: spec.name.clone(),
            alias: spec.alias.clone(),
            display_name: spec.display_name.clone().unwrap_or_else(|| spec.name.clone()),
            first_name: spec.first_name.clone(),
            last_name: spec.last_name.clone(),
            title: String::new(),
            department: String::new(),
            kind,
            upn: (!is_contact && !kind.is_group()).then(|| format!("{}@{}", spec.alias, self.org.domain)),
            primary_smtp: smtp.clone(),
            email_addresses: self.new_proxy_addresses(&spec.alias, &smtp, is_contact),
            external_email: external.map(|x| format!("SMTP:{x}")),
            database: if mailbox {
                spec.database.clone().or_else(|| self.databases.first().map(|d| d.name.clone()))
            } else {
                None
            },
            account_disabled: matches!(
                kind,
                RecipientKind::SharedMailbox | RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox
            ),
            hidden: false,
            members: Vec::new(),
            managed_by: Vec::new(),
            grant_send_on_behalf_to: Vec::new(),
            mailbox_acl: if mailbox { self.default_mailbox_acl() } else { Vec::new() },
            ad_acl: if mailbox { self.default_user_ad_acl() } else { Vec::new() },
            folders: if mailbox { Directory::default_folders(&[]) } else { Vec::new() },
            mailbox_owner: None,
            ad_owner: None,
            delegate_list_link: Vec::new(),
            // Resource mailboxes made in PowerShell on-premises start with AutoUpdate
            // (Set-CalendarProcessing doc); the sample's and Online's start with AutoAccept.
            calendar: (self.org.version.is_on_premises()
                && matches!(kind, RecipientKind::RoomMailbox | RecipientKind::EquipmentMailbox))
            .then(|| CalendarProcessing {
                automate_processing: AutomateProcessing::AutoUpdate,
                ..Directory::default_calendar_processing(kind)
            }),
            mail_flow: None,
        }
    }

    /// The recipient (other than `except`) already using one of these addresses, if any.
    fn address_owner(&self, addresses: &[String], except: Option<usize>) -> Option<String> {
        let bare = |a: &str| -> String { a.split_once(':').map(|(_, r)| r).unwrap_or(a).to_string() };
        for (i, r) in self.recipients.iter().enumerate() {
            if Some(i) == except {
                continue;
            }
            for a in addresses {
                let a = bare(a);
                if eq_ci(&r.primary_smtp, &a) || r.email_addresses.iter().any(|x| eq_ci(&bare(x), &a)) {
                    return Some(a);
                }
            }
        }
        None
    }

    pub(super) fn apply_add_recipient(&mut self, r: &Recipient) -> Result<(), DirectoryError> {
        if self.recipient_by_guid(&r.guid).is_some() {
            return Err(DirectoryError::RecipientExists(r.guid.clone()));
        }
        if let Some(sid) = &r.sid
            && (self.recipient_by_sid(sid).is_some() || self.principal_by_sid(sid).is_some())
        {
            return Err(DirectoryError::SidInUse(sid.clone()));
        }
        let mut addresses = r.email_addresses.clone();
        if !r.primary_smtp.is_empty() {
            addresses.push(r.primary_smtp.clone());
        }
        if let Some(a) = self.address_owner(&addresses, None) {
            return Err(DirectoryError::AddressInUse(a));
        }
        if let Some(rid) = r
            .sid
            .as_deref()
            .and_then(|s| s.strip_prefix(self.org.domain_sid.as_str()))
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rid| rid.parse::<u32>().ok())
            && rid >= self.org.next_rid
        {
            self.org.next_rid = rid.saturating_add(1);
        }
        self.recipients.push(r.clone());
        Ok(())
    }

    pub(super) fn apply_remove_recipient(&mut self, guid: &str) -> Result<(), DirectoryError> {
        let i = self.recipient_by_guid(guid).ok_or_else(|| DirectoryError::UnknownRecipient(guid.to_string()))?;
        let removed = self.recipients.remove(i);
        let g = removed.guid;
        for r in &mut self.recipients {
            r.members.retain(|m| !eq_ci(m, &g));
            r.managed_by.retain(|m| !eq_ci(m, &g));
            r.grant_send_on_behalf_to.retain(|m| !eq_ci(m, &g));
            r.delegate_list_link.retain(|m| !eq_ci(m, &g));
            if let Some(f) = &mut r.mail_flow
                && f.forwarding_address.as_deref().is_some_and(|a| eq_ci(a, &g))
            {
                f.forwarding_address = None;
            }
            if let Some(c) = &mut r.calendar {
                for list in [&mut c.book_in_policy, &mut c.request_in_policy, &mut c.request_out_of_policy] {
                    list.retain(|m| !eq_ci(m, &g));
                }
            }
        }
        for p in &mut self.principals {
            p.members.retain(|m| !eq_ci(m, &g));
        }
        Ok(())
    }

    /// The member list of a recipient group (by Guid) or principal group (by SID).
    fn group_members_mut(&mut self, group: &str) -> Result<&mut Vec<String>, DirectoryError> {
        if let Some(i) = self.recipient_by_guid(group) {
            if !self.recipients[i].kind.is_group() {
                return Err(DirectoryError::NotAGroup(group.to_string()));
            }
            return Ok(&mut self.recipients[i].members);
        }
        match self.principal_by_sid(group) {
            Some(p) if self.principals[p].is_group => Ok(&mut self.principals[p].members),
            Some(_) => Err(DirectoryError::NotAGroup(group.to_string())),
            None => Err(DirectoryError::UnknownRecipient(group.to_string())),
        }
    }

    pub(super) fn apply_add_group_member(&mut self, group: &str, member: &str) -> Result<(), DirectoryError> {
        let m = self.recipient_by_guid(member).ok_or_else(|| DirectoryError::UnknownRecipient(member.to_string()))?;
        let mg = self.recipients[m].guid.clone();
        let members = self.group_members_mut(group)?;
        if members.iter().any(|x| eq_ci(x, &mg)) {
            return Err(DirectoryError::MemberExists(mg));
        }
        members.push(mg);
        Ok(())
    }

    pub(super) fn apply_remove_group_member(&mut self, group: &str, member: &str) -> Result<(), DirectoryError> {
        let members = self.group_members_mut(group)?;
        let Some(i) = members.iter().position(|x| eq_ci(x, member)) else {
            return Err(DirectoryError::NotAMember(member.to_string()));
        };
        members.remove(i);
        Ok(())
    }

    pub(super) fn apply_set_recipient_fields(
        &mut self,
        guid: &str,
        fields: &[RecipientField],
    ) -> Result<(), DirectoryError> {
        let i = self.recipient_by_guid(guid).ok_or_else(|| DirectoryError::UnknownRecipient(guid.to_string()))?;
        for f in fields {
            if let RecipientField::EmailAddresses(list) = f
                && let Some(a) = self.address_owner(list, Some(i))
            {
                return Err(DirectoryError::AddressInUse(a));
            }
            match f {
                RecipientField::MailFlow(_) if !self.recipients[i].kind.is_mailbox() => {
                    return Err(DirectoryError::NotAMailbox(guid.to_string()));
                }
                RecipientField::MailFlow(m) => {
                    if let Some(a) = m.forwarding_address.as_ref().filter(|a| self.recipient_by_guid(a).is_none()) {
                        return Err(DirectoryError::UnknownRecipient(a.clone()));
                    }
                }
                RecipientField::MailboxKind(k) if !k.is_mailbox() || !self.recipients[i].kind.is_mailbox() => {
                    return Err(DirectoryError::NotAMailbox(guid.to_string()));
                }
                RecipientField::ManagedBy(owners) => {
                    if !self.recipients[i].kind.is_group() {
                        return Err(DirectoryError::NotAGroup(guid.to_string()));
                    }
                    if let Some(o) = owners.iter().find(|o| self.recipient_by_guid(o).is_none()) {
                        return Err(DirectoryError::UnknownRecipient(o.clone()));
                    }
                }
                _ => {}
            }
        }
        let r = &mut self.recipients[i];
        for f in fields {
            match f {
                RecipientField::Name(v) => r.name = v.clone(),
                RecipientField::DisplayName(v) => r.display_name = v.clone(),
                RecipientField::FirstName(v) => r.first_name = v.clone(),
                RecipientField::LastName(v) => r.last_name = v.clone(),
                RecipientField::Title(v) => r.title = v.clone(),
                RecipientField::Department(v) => r.department = v.clone(),
                RecipientField::Hidden(v) => r.hidden = *v,
                RecipientField::AccountDisabled(v) => r.account_disabled = *v,
                RecipientField::EmailAddresses(list) => {
                    r.email_addresses = list.clone();
                    if let Some(p) = list.iter().find_map(|a| a.strip_prefix("SMTP:")) {
                        r.primary_smtp = p.to_string();
                    }
                }
                RecipientField::MailboxKind(k) => r.kind = *k,
                RecipientField::ManagedBy(owners) => r.managed_by = owners.clone(),
                RecipientField::MailFlow(m) => r.mail_flow = Some(m.clone()),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::ExchangeVersion;

    fn spec(name: &str, alias: &str, kind: RecipientKind) -> NewRecipient {
        NewRecipient {
            name: name.into(),
            alias: alias.into(),
            display_name: None,
            first_name: String::new(),
            last_name: String::new(),
            kind,
            database: None,
            external_email: None,
        }
    }

    #[test]
    fn derived_guids_are_deterministic_and_well_formed() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let a = d.derive_guid("x");
        assert_eq!(a, d.derive_guid("x"));
        assert_ne!(a, d.derive_guid("y"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(a, a.to_lowercase());
    }

    #[test]
    fn new_mailbox_looks_like_a_sample_one_and_bumps_the_rid() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2016);
        let r = d.build_recipient(&spec("Ben Smith", "ben", RecipientKind::UserMailbox));
        assert_eq!(r.sid.as_deref(), Some("S-1-5-21-3623811015-3361044348-30300820-1116"));
        assert_eq!(r.upn.as_deref(), Some("ben@contoso.com"));
        assert_eq!(r.email_addresses, ["SMTP:ben@contoso.com"]);
        assert_eq!(r.database.as_deref(), Some("DB01"));
        assert_eq!(r.mailbox_acl, d.recipients[1].mailbox_acl);
        assert_eq!(r.folders.len(), 12);
        d.apply(&Change::AddRecipient { recipient: Box::new(r.clone()) }).expect("add");
        assert_eq!(d.org.next_rid, 1117);
        assert_eq!(d.resolve_recipient("CONTOSO\\ben", crate::directory::RecipientScope::Mailbox), Ok(13));
        // Adding it again: exists (replay: already applied).
        let again = d.apply(&Change::AddRecipient { recipient: Box::new(r.clone()) });
        assert_eq!(again, Err(DirectoryError::RecipientExists(r.guid.clone())));
        assert_eq!(d.replay(&Change::AddRecipient { recipient: Box::new(r) }), Ok(()));
        // Another recipient with the same address is refused.
        let mut dup = d.build_recipient(&spec("Ben Two", "ben", RecipientKind::UserMailbox));
        dup.sid = Some(d.account_sid(2000));
        assert_eq!(
            d.apply(&Change::AddRecipient { recipient: Box::new(dup) }),
            Err(DirectoryError::AddressInUse("ben@contoso.com".into()))
        );
        // A contact: no SID, external address.
        let mut c = spec("Tailspin", "tailspin", RecipientKind::MailContact);
        c.external_email = Some("SMTP:info@tailspin.com".into());
        let c = d.build_recipient(&c);
        assert_eq!((c.sid.clone(), c.primary_smtp.as_str()), (None, "info@tailspin.com"));
        assert!(c.mailbox_acl.is_empty() && c.folders.is_empty());
        d.apply(&Change::AddRecipient { recipient: Box::new(c) }).expect("contact");
        assert_eq!(d.org.next_rid, 1117);
    }

    #[test]
    fn remove_recipient_orphans_aces_and_drops_links() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let (karen, kim) = (d.recipients[1].guid.clone(), d.recipients[5].guid.clone());
        let kim_sid = d.recipients[5].sid.clone().unwrap_or_default();
        let ace = crate::directory::MailboxAce {
            sid: kim_sid.clone(),
            rights: 1,
            deny: false,
            inheritance: crate::directory::Inheritance::All,
            inherited: false,
        };
        d.apply(&Change::AddMailboxAce { mailbox: karen.clone(), ace }).expect("ace");
        d.apply(&Change::SetGrantSendOnBehalfTo { mailbox: karen.clone(), delegates: vec![kim.clone()] }).expect("sob");
        d.apply(&Change::RemoveRecipient { recipient: kim.clone() }).expect("remove");
        assert_eq!(d.recipients.len(), 12);
        let k = d.recipient_by_guid(&karen).unwrap_or(0);
        assert!(d.recipients[k].grant_send_on_behalf_to.is_empty());
        assert!(d.recipients.iter().all(|r| !r.members.contains(&kim)));
        // The ACE stays, and prints as the bare SID.
        assert!(d.recipients[k].mailbox_acl.iter().any(|a| a.sid == kim_sid));
        assert_eq!(d.account_name(&kim_sid), kim_sid);
        let c = Change::RemoveRecipient { recipient: kim };
        assert!(matches!(d.apply(&c), Err(DirectoryError::UnknownRecipient(_))));
        assert_eq!(d.replay(&c), Ok(()));
    }

    #[test]
    fn group_membership_changes() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let (agents, karen) = (d.recipients[10].guid.clone(), d.recipients[1].guid.clone());
        let karen_sid = d.recipients[1].sid.clone().unwrap_or_default();
        let agents_sid = d.recipients[10].sid.clone().unwrap_or_default();
        assert!(!d.is_member(&karen_sid, &agents_sid));
        let add = Change::AddGroupMember { group: agents.clone(), member: karen.clone() };
        d.apply(&add).expect("add");
        assert!(d.is_member(&karen_sid, &agents_sid));
        assert!(matches!(d.apply(&add), Err(DirectoryError::MemberExists(_))));
        assert_eq!(d.replay(&add), Ok(()));
        let rm = Change::RemoveGroupMember { group: agents.clone(), member: karen.to_uppercase() };
        d.apply(&rm).expect("rm");
        assert!(!d.is_member(&karen_sid, &agents_sid));
        assert!(matches!(d.apply(&rm), Err(DirectoryError::NotAMember(_))));
        // Principal groups by SID; non-groups refused.
        let da = d.account_sid(512);
        d.apply(&Change::AddGroupMember { group: da.clone(), member: karen.clone() }).expect("da");
        assert!(d.is_member(&karen_sid, &da));
        let bad = Change::AddGroupMember { group: d.recipients[2].guid.clone(), member: karen.clone() };
        assert!(matches!(d.apply(&bad), Err(DirectoryError::NotAGroup(_))));
        let bad = Change::AddGroupMember { group: "S-1-5-10".into(), member: karen };
        assert!(matches!(d.apply(&bad), Err(DirectoryError::NotAGroup(_))));
    }

    #[test]
    fn set_recipient_fields() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let karen = d.recipients[1].guid.clone();
        let c = Change::SetRecipientFields {
            recipient: karen.clone(),
            fields: vec![
                RecipientField::DisplayName("Karen B.".into()),
                RecipientField::Hidden(true),
                RecipientField::EmailAddresses(vec!["smtp:karen@contoso.com".into(), "SMTP:kb@contoso.com".into()]),
            ],
        };
        d.apply(&c).expect("set");
        let r = &d.recipients[1];
        assert_eq!((r.display_name.as_str(), r.hidden, r.primary_smtp.as_str()), ("Karen B.", true, "kb@contoso.com"));
        assert_eq!(d.resolve_recipient("karen@contoso.com", crate::directory::RecipientScope::Mailbox), Ok(1));
        let before = d.clone();
        let bad = Change::SetRecipientFields {
            recipient: karen,
            fields: vec![
                RecipientField::Title("X".into()),
                RecipientField::EmailAddresses(vec!["SMTP:amy@contoso.com".into()]),
            ],
        };
        assert_eq!(d.apply(&bad), Err(DirectoryError::AddressInUse("amy@contoso.com".into())));
        assert_eq!(d, before);
    }

    #[test]
    fn mailbox_kind_and_managed_by_fields() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let (admin, amy, staff) =
            (d.recipients[0].guid.clone(), d.recipients[3].guid.clone(), d.recipients[11].guid.clone());
        assert_eq!(d.recipients[11].managed_by, std::slice::from_ref(&admin));
        let shared = Change::SetRecipientFields {
            recipient: amy.clone(),
            fields: vec![RecipientField::MailboxKind(RecipientKind::SharedMailbox)],
        };
        d.apply(&shared).expect("type");
        assert_eq!(d.recipients[3].kind, RecipientKind::SharedMailbox);
        let to_group = Change::SetRecipientFields {
            recipient: amy.clone(),
            fields: vec![RecipientField::MailboxKind(RecipientKind::MailUniversalDistributionGroup)],
        };
        assert!(matches!(d.apply(&to_group), Err(DirectoryError::NotAMailbox(_))));
        let owners = Change::SetRecipientFields {
            recipient: staff.clone(),
            fields: vec![RecipientField::ManagedBy(vec![amy.clone(), admin])],
        };
        d.apply(&owners).expect("owners");
        assert_eq!(d.recipients[11].managed_by.len(), 2);
        let not_group =
            Change::SetRecipientFields { recipient: amy.clone(), fields: vec![RecipientField::ManagedBy(vec![])] };
        assert!(matches!(d.apply(&not_group), Err(DirectoryError::NotAGroup(_))));
        // Removing an owner drops it from ManagedBy.
        d.apply(&Change::RemoveRecipient { recipient: amy }).expect("remove");
        let s = d.recipient_by_guid(&staff).unwrap_or(0);
        assert_eq!(d.recipients[s].managed_by.len(), 1);
    }
}
