//! The recipient list with its identity index: [`Recipients`] is the `Vec<Recipient>` of a
//! [`Directory`](super::Directory) plus a lazily built map from every name a recipient can be
//! looked up by (lower-cased alias, name, display name, UPN, SMTP and other addresses, Guid,
//! ExchangeGuid, SID) to the recipients that carry it.
//!
//! The index only narrows the search: identity resolution (`identity/`) takes the candidates it
//! returns and checks each one with the same predicate a full scan uses, so results, precedence
//! and ambiguity are exactly those of a scan. Structured identities (distinguished name,
//! canonical name, LegacyExchangeDN) are reduced to the name or alias they embed before the
//! look-up, so they need no keys of their own.
//!
//! Invalidation: reading goes through `Deref`; every mutable access (`DerefMut`: indexing with
//! `&mut`, `push`, `remove`, `iter_mut`, …) drops the index, so a later look-up sees the new state.
//! `Directory::apply` keeps the index across changes that touch no identity (permission entries,
//! folders, delegates, group members; see [`changes_identities`]). The cache never takes part in
//! equality, cloning or debug output. Clones share the list until one of them changes it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use super::change::Change;
use super::model::Recipient;

/// Look-ups answered by scanning before the index is built: a scan costs about a tenth of
/// building the index, so a run that resolves a handful of identities (one `Get-Mailbox`, or a
/// loop that creates a recipient before each look-up) never pays for it.
pub const SCANS_BEFORE_INDEX: u32 = 8;

/// A recipient list that keeps an identity index (see the module documentation).
#[derive(Default)]
pub struct Recipients {
    /// Shared between clones until one of them changes it (copy on write): the store and the
    /// engine each hold the org, and a run that changes nothing never copies it.
    list: Arc<Vec<Recipient>>,
    index: OnceLock<Index>,
    /// How many mailboxes auto-map each user (lower-cased Guid → count of recipients whose
    /// `delegate_list_link` names it): built on first use, kept and updated in place by
    /// `SetAutoMapping` (see [`Recipients::auto_mapping_changed`]), dropped with the index.
    auto_mapped: OnceLock<HashMap<String, u32>>,
    /// Look-ups since the list last changed, while the index is not built.
    scans: AtomicU32,
    /// While set, mutable access keeps the index (changes that touch no identity).
    keep_index: bool,
}

impl Recipients {
    /// The identity index, built on first use after a change.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(&self.list))
    }

    /// The index once look-ups have shown it is worth building (see [`SCANS_BEFORE_INDEX`]);
    /// `None` means the caller scans.
    pub fn warm_index(&self) -> Option<&Index> {
        if let Some(index) = self.index.get() {
            return Some(index);
        }
        if self.scans.fetch_add(1, Ordering::Relaxed) < SCANS_BEFORE_INDEX {
            return None;
        }
        Some(self.index())
    }

    /// How many mailboxes auto-map the user with Guid `user` (the recipients whose
    /// `delegate_list_link` holds it, compared case-insensitively, each counted once): the
    /// Outlook "first 32" check of Add-MailboxPermission. A look-up in a map built once, not a
    /// walk of every recipient per grant.
    pub fn auto_mapped_count(&self, user: &str) -> usize {
        let map = self.auto_mapped.get_or_init(|| {
            let mut map: HashMap<String, u32> = HashMap::new();
            for r in self.list.iter() {
                for (i, g) in r.delegate_list_link.iter().enumerate() {
                    if !r.delegate_list_link[..i].iter().any(|x| x.eq_ignore_ascii_case(g)) {
                        *map.entry(g.to_ascii_lowercase()).or_default() += 1;
                    }
                }
            }
            map
        });
        map.get(&user.to_ascii_lowercase()).map_or(0, |&n| n as usize)
    }

    /// Keeps [`Recipients::auto_mapped_count`] right after one mailbox's `delegate_list_link`
    /// gained (`added`) or lost every entry for `user`. Only `SetAutoMapping` calls this, which
    /// runs with the index kept (any other mutable access drops the counts).
    pub(super) fn auto_mapping_changed(&mut self, user: &str, added: bool) {
        if let Some(map) = self.auto_mapped.get_mut() {
            let n = map.entry(user.to_ascii_lowercase()).or_default();
            *n = if added { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    /// True when the index is built (for tests and benchmarks).
    pub fn index_is_built(&self) -> bool {
        self.index.get().is_some()
    }

    /// Sets whether mutable access keeps the index; returns the previous setting. Only
    /// `Directory::apply`/`replay` use this, around changes that touch no identity.
    pub(super) fn set_keep_index(&mut self, keep: bool) -> bool {
        std::mem::replace(&mut self.keep_index, keep)
    }
}

impl From<Vec<Recipient>> for Recipients {
    fn from(list: Vec<Recipient>) -> Recipients {
        Recipients {
            list: Arc::new(list),
            index: OnceLock::new(),
            auto_mapped: OnceLock::new(),
            scans: AtomicU32::new(0),
            keep_index: false,
        }
    }
}

impl Deref for Recipients {
    type Target = Vec<Recipient>;
    fn deref(&self) -> &Vec<Recipient> {
        &self.list
    }
}

impl DerefMut for Recipients {
    fn deref_mut(&mut self) -> &mut Vec<Recipient> {
        if !self.keep_index {
            self.index.take();
            self.auto_mapped.take();
            *self.scans.get_mut() = 0;
        }
        Arc::make_mut(&mut self.list)
    }
}

impl Clone for Recipients {
    /// Shares the list (copied when either side first changes it); the copy builds its own
    /// index when first needed.
    fn clone(&self) -> Recipients {
        Recipients {
            list: Arc::clone(&self.list),
            index: OnceLock::new(),
            auto_mapped: OnceLock::new(),
            scans: AtomicU32::new(0),
            keep_index: false,
        }
    }
}

impl PartialEq for Recipients {
    fn eq(&self, other: &Recipients) -> bool {
        Arc::ptr_eq(&self.list, &other.list) || self.list == other.list
    }
}

impl std::fmt::Debug for Recipients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list.fmt(f)
    }
}

impl<'a> IntoIterator for &'a Recipients {
    type Item = &'a Recipient;
    type IntoIter = std::slice::Iter<'a, Recipient>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.as_slice().iter()
    }
}

impl<'a> IntoIterator for &'a mut Recipients {
    type Item = &'a mut Recipient;
    type IntoIter = std::slice::IterMut<'a, Recipient>;
    /// Mutable iteration drops the index, as any mutable access does.
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

/// True when applying `change` can add, remove or rename an identity of some recipient (or move
/// recipients to other positions), so the index must be rebuilt afterwards. Every variant is
/// listed: a new one must be classified here.
pub fn changes_identities(change: &Change) -> bool {
    match change {
        Change::AddRecipient { .. } | Change::RemoveRecipient { .. } | Change::SetRecipientFields { .. } => true,
        Change::AddMailboxAce { .. }
        | Change::RemoveMailboxAce { .. }
        | Change::AddAdAce { .. }
        | Change::RemoveAdAce { .. }
        | Change::SetGrantSendOnBehalfTo { .. }
        | Change::UpdateGrantSendOnBehalfTo { .. }
        | Change::AddFolderAce { .. }
        | Change::SetFolderAce { .. }
        | Change::RemoveFolderAce { .. }
        | Change::SetAutoMapping { .. }
        | Change::SetOwner { .. }
        | Change::AddFolder { .. }
        | Change::SetCalendarProcessing { .. }
        | Change::AddGroupMember { .. }
        | Change::RemoveGroupMember { .. } => false,
    }
}

/// FxHash (rustc's hasher) with a final mix: the keys are the org's own names, not attacker-chosen, and SipHash
/// would double the cost of building the index.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits (which pick the bucket) poorly mixed: finish with
        // splitmix64's avalanche.
        let mut z = self.hash;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The recipients carrying one key: usually one, so no allocation for it.
#[derive(Debug, Clone)]
enum Hits {
    One(u32),
    Many(Vec<u32>),
}

impl Hits {
    fn as_slice(&self) -> &[u32] {
        match self {
            Hits::One(i) => std::slice::from_ref(i),
            Hits::Many(v) => v,
        }
    }

    fn push(&mut self, i: u32) {
        match self {
            Hits::One(j) if *j == i => {}
            Hits::One(j) => *self = Hits::Many(vec![*j, i]),
            Hits::Many(v) => {
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
    }
}

/// Lower-cased key → positions (ascending) of the recipients with that alias, name, display
/// name, UPN, primary SMTP address, e-mail address (the part after its `prefix:`, or the whole
/// address without one), ExternalEmailAddress (likewise), Guid, ExchangeGuid or SID.
#[derive(Debug, Clone, Default)]
pub struct Index {
    keys: HashMap<Box<str>, Hits, BuildHasherDefault<FxHasher>>,
    /// Positions of the groups, for group membership (`Directory::group_sids_of`), which would
    /// otherwise scan every recipient for each user it is asked about.
    groups: Vec<u32>,
}

impl Index {
    /// Builds the index of `recipients`.
    pub fn build(recipients: &[Recipient]) -> Index {
        let mut keys: HashMap<Box<str>, Hits, BuildHasherDefault<FxHasher>> =
            HashMap::with_capacity_and_hasher(recipients.len() * 4, BuildHasherDefault::default());
        let mut buf = String::new();
        let mut groups = Vec::new();
        for (i, r) in recipients.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if r.kind.is_group() {
                groups.push(i);
            }
            let mut add = |s: &str| {
                fold_into(s, &mut buf);
                match keys.get_mut(buf.as_str()) {
                    Some(h) => h.push(i),
                    None => {
                        keys.insert(Box::from(buf.as_str()), Hits::One(i));
                    }
                }
            };
            add(&r.alias);
            add(&r.name);
            add(&r.display_name);
            add(&r.primary_smtp);
            if let Some(u) = &r.upn {
                add(u);
            }
            for a in r.email_addresses.iter().chain(r.external_email.iter()) {
                add(address_key(a));
            }
            add(&r.guid);
            if let Some(g) = &r.exchange_guid {
                add(g);
            }
            if let Some(s) = &r.sid {
                add(s);
            }
        }
        Index { keys, groups }
    }

    /// Positions (ascending) of the recipients that are groups.
    pub fn groups(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().map(|&i| i as usize)
    }

    /// Positions (ascending) of the recipients carrying `key`, which must be folded with [`fold`].
    pub fn get(&self, key: &str) -> &[u32] {
        self.keys.get(key).map(Hits::as_slice).unwrap_or(&[])
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no recipient has a key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The key an e-mail address is indexed under: the part after the first `:` (`SMTP:a@b` → `a@b`),
/// or the whole address when it has no prefix.
pub fn address_key(address: &str) -> &str {
    address.split_once(':').map(|(_, rest)| rest).unwrap_or(address)
}

/// Case folding as `identity::eq_ci` compares: each character's Unicode lower case, so two
/// strings are equal under `eq_ci` exactly when their folds are equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::identity::eq_ci;
    use crate::directory::{Directory, ExchangeVersion};

    /// The count a walk of every recipient gives (what Add-MailboxPermission used to do).
    fn scanned_auto_mapped(d: &Directory, user: &str) -> usize {
        d.recipients.iter().filter(|m| m.delegate_list_link.iter().any(|g| g.eq_ignore_ascii_case(user))).count()
    }

    #[test]
    fn auto_mapped_counts_follow_every_change() {
        use crate::directory::Change;
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let guids: Vec<String> = d.recipients.iter().filter(|r| r.kind.is_mailbox()).map(|r| r.guid.clone()).collect();
        let user = guids[0].clone();
        assert_eq!(d.recipients.auto_mapped_count(&user), 0);
        let check = |d: &Directory| {
            for g in &guids {
                assert_eq!(d.recipients.auto_mapped_count(g), scanned_auto_mapped(d, g), "{g}");
                assert_eq!(d.recipients.auto_mapped_count(&g.to_uppercase()), scanned_auto_mapped(d, g));
            }
        };
        for (k, m) in guids.iter().enumerate().skip(1) {
            let on = Change::SetAutoMapping { mailbox: m.clone(), user: user.to_uppercase(), enabled: true };
            d.apply(&on).expect("map");
            d.apply(&on).expect("map again");
            if k % 3 == 0 {
                let off = Change::SetAutoMapping { mailbox: m.clone(), user: user.clone(), enabled: false };
                d.apply(&off).expect("unmap");
                d.apply(&off).expect("unmap again");
            }
            check(&d);
        }
        // A hand-made duplicate link counts once; direct edits drop the counts.
        let m = d.recipients.iter().position(|r| !r.delegate_list_link.is_empty()).expect("a linked mailbox");
        let first = d.recipients[m].delegate_list_link[0].clone();
        d.recipients[m].delegate_list_link.push(first.to_uppercase());
        check(&d);
        let removed = d.recipients[m].guid.clone();
        d.apply(&Change::RemoveRecipient { recipient: removed }).expect("remove");
        check(&d);
        let copy = d.clone();
        check(&copy);
    }

    #[test]
    fn fold_agrees_with_eq_ci() {
        let words =
            ["Karen", "KAREN", "karen", "ΟΔΟΣ", "οδοσ", "οδος", "İstanbul", "i̇stanbul", "\u{212A}elvin", "kelvin"];
        for a in words {
            for b in words {
                assert_eq!(fold(a) == fold(b), eq_ci(a, b), "{a} / {b}");
            }
        }
    }

    #[test]
    fn keys_of_the_sample() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        let idx = d.recipients.index();
        assert_eq!(idx.get("karen"), [1]);
        assert_eq!(idx.get("karen berg"), [1]);
        assert_eq!(idx.get("karen@contoso.com"), [1]);
        assert_eq!(idx.get("partner@fabrikam.com"), [12]);
        assert_eq!(idx.get(&fold(&d.recipients[1].guid.to_uppercase())), [1]);
        assert!(idx.get("Karen").is_empty(), "keys are folded");
        assert!(idx.get("nobody").is_empty());
    }

    #[test]
    fn mutable_access_drops_the_index_and_equality_ignores_it() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let fresh = d.clone();
        assert!(!d.recipients.index_is_built());
        assert_eq!(d.recipients.index().get("amy"), [3]);
        assert!(d.recipients.index_is_built());
        assert_eq!(d, fresh);
        assert!(!d.clone().recipients.index_is_built());
        d.recipients[3].alias = "amy2".into();
        assert!(!d.recipients.index_is_built());
        assert!(d.recipients.index().get("amy").is_empty());
        assert_eq!(d.recipients.index().get("amy2"), [3]);
        d.recipients.remove(0);
        assert_eq!(d.recipients.index().get("amy2"), [2]);
        assert_eq!(format!("{:?}", d.recipients), format!("{:?}", *d.recipients));
    }

    #[test]
    fn the_index_is_built_after_a_few_scans_and_again_after_a_change() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        for _ in 0..SCANS_BEFORE_INDEX {
            assert!(d.recipients.warm_index().is_none());
        }
        assert!(d.recipients.warm_index().is_some());
        d.recipients[0].title = "x".into();
        assert!(!d.recipients.index_is_built());
        assert!(d.recipients.warm_index().is_none());
    }

    #[test]
    fn clones_share_the_list_until_one_changes() {
        let a = Directory::sample(ExchangeVersion::Exchange2019);
        let mut b = a.clone();
        assert!(std::ptr::eq(a.recipients.as_ptr(), b.recipients.as_ptr()));
        b.recipients[1].title = "Boss".into();
        assert!(!std::ptr::eq(a.recipients.as_ptr(), b.recipients.as_ptr()));
        assert_eq!(a.recipients[1].title, "Sales Manager");
        assert_ne!(a, b);
        let c = b.clone();
        assert_eq!(b, c);
    }

    #[test]
    fn shared_keys_list_every_recipient_once() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        d.recipients[3].display_name = "Karen Berg".into();
        let idx = d.recipients.index();
        assert_eq!(idx.get("karen berg"), [1, 3]);
        // Alias, UPN and address coincide for Karen: one entry.
        assert_eq!(idx.get("karen@contoso.com"), [1]);
    }
}
