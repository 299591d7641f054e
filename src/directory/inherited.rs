//! The inherited AD entries every user and group object carries in a real domain: the ACEs the
//! domain root passes down (Windows' defaults and those `Setup /PrepareDomain` writes,
//! `InitializeDomainPermissions`). They are not stored: like the database grants a mailbox
//! inherits, Get-ADPermission adds them after the object's own entries, with IsInherited True
//! (docs/reference/strict-rules.md §7).

use super::model::{AdAce, Inheritance, Recipient};
use super::rights::ad;
use super::sample::{RID_ENTERPRISE_ADMINS, RID_EXCHANGE_SERVERS, RID_EXCHANGE_TRUSTED_SUBSYSTEM};
use super::{Directory, ExchangeVersion};

/// The RID exsh gives `Exchange Windows Permissions` (not a principal of the sample org; its
/// name is known to [`well_known_account`]).
pub const RID_EXCHANGE_WINDOWS_PERMISSIONS: u32 = 1100;

/// `BUILTIN\Pre-Windows 2000 Compatible Access`.
pub const SID_PRE_WINDOWS_2000: &str = "S-1-5-32-554";

impl Directory {
    /// The inherited entries of a recipient's AD object (none for contacts, and none in Exchange
    /// Online, which has no *-ADPermission cmdlets): inherited Deny entries first, as canonical
    /// order wants.
    pub fn inherited_object_aces(&self, r: &Recipient) -> Vec<AdAce> {
        if self.org.version == ExchangeVersion::Online || r.sid.is_none() {
            return Vec::new();
        }
        let ace = |sid: String, rights: u64, properties: &[&str], deny: bool| AdAce {
            sid,
            rights,
            extended_rights: Vec::new(),
            properties: properties.iter().map(|p| p.to_string()).collect(),
            deny,
            inheritance: Inheritance::All,
            inherited: true,
        };
        let (exs, ets) = (self.account_sid(RID_EXCHANGE_SERVERS), self.account_sid(RID_EXCHANGE_TRUSTED_SUBSYSTEM));
        let mut out = vec![
            ace(ets.clone(), ad::WRITE_PROPERTY, &["Service-Principal-Name"], true),
            ace(self.account_sid(RID_ENTERPRISE_ADMINS), ad::GENERIC_ALL, &[], false),
            ace(SID_PRE_WINDOWS_2000.to_string(), ad::GENERIC_READ, &[], false),
            ace(exs.clone(), ad::READ_PROPERTY, &["Exchange-Information"], false),
            ace(exs.clone(), ad::READ_PROPERTY, &["Personal-Information"], false),
            ace(exs, ad::READ_PROPERTY, &["Is-Member-Of-DL"], false),
            ace(ets, ad::WRITE_DACL, &[], false),
        ];
        if !r.kind.is_group() {
            out.push(ace(self.account_sid(RID_EXCHANGE_WINDOWS_PERMISSIONS), ad::WRITE_DACL, &[], false));
        }
        out
    }

    /// A recipient's stored AD entries followed by the inherited ones.
    pub fn recipient_ad_acl(&self, i: usize) -> Vec<AdAce> {
        let r = &self.recipients[i];
        let mut acl = r.ad_acl.clone();
        acl.extend(self.inherited_object_aces(r));
        acl
    }

    /// NT account names of well-known groups that are not principals of the org but appear in
    /// inherited entries.
    pub fn well_known_account(&self, sid: &str) -> Option<String> {
        if sid.eq_ignore_ascii_case(SID_PRE_WINDOWS_2000) {
            return Some("BUILTIN\\Pre-Windows 2000 Compatible Access".to_string());
        }
        if sid.eq_ignore_ascii_case(&self.account_sid(RID_EXCHANGE_WINDOWS_PERMISSIONS)) {
            return Some(format!("{}\\Exchange Windows Permissions", self.org.netbios));
        }
        None
    }
}
