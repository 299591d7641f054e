//! Recipient identities (behavior.md §7.2): the first-phase properties, SamAccountName, wildcards,
//! Guids and SIDs, looked up through the index and checked with the scan's predicates.

use super::{ADMIN_GROUP, RecipientScope, ResolveError, eq_ci, has_wildcard, wildcard_match};
use crate::directory::Directory;
use crate::directory::index::fold;
use crate::directory::model::Recipient;

/// Recipient positions to check: those the index lists, or all of them.
pub(super) enum Candidates<'a> {
    /// Index hits (ascending), and the list length (hits beyond it are skipped).
    Listed(std::slice::Iter<'a, u32>, usize),
    /// Every position.
    All(std::ops::Range<usize>),
}

impl Iterator for Candidates<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Listed(hits, n) => hits.by_ref().map(|&i| i as usize).find(|i| i < n),
            Candidates::All(range) => range.next(),
        }
    }
}

/// Strips `{}` around a GUID string.
pub(super) fn strip_braces(s: &str) -> &str {
    s.strip_prefix('{').and_then(|x| x.strip_suffix('}')).unwrap_or(s)
}

impl Directory {
    /// The recipient whose Guid is `guid` (case-insensitive, braces allowed).
    pub fn recipient_by_guid(&self, guid: &str) -> Option<usize> {
        let g = strip_braces(guid);
        self.candidates(&fold(g)).find(|&i| eq_ci(&self.recipients[i].guid, g))
    }

    /// The recipient whose account or group SID is `sid`.
    pub fn recipient_by_sid(&self, sid: &str) -> Option<usize> {
        self.candidates(&fold(sid)).find(|&i| self.recipients[i].sid.as_deref().is_some_and(|s| eq_ci(s, sid)))
    }

    /// Positions (ascending) of the recipients the index lists under a folded key; every
    /// position while the index is not built (the caller checks each candidate anyway).
    pub(super) fn candidates(&self, key: &str) -> Candidates<'_> {
        let n = self.recipients.len();
        match self.recipients.warm_index() {
            Some(index) => Candidates::Listed(index.get(key).iter(), n),
            None => Candidates::All(0..n),
        }
    }

    /// Every recipient that can match `id` by a first-phase property (see
    /// [`Directory::matches_primary`]), and more: the caller checks each. Structured forms are
    /// reduced to the name or alias they embed.
    pub(super) fn primary_candidates(&self, id: &str) -> Vec<usize> {
        if self.recipients.warm_index().is_none() {
            return (0..self.recipients.len()).collect();
        }
        let folded = fold(id);
        let mut keys: Vec<String> = Vec::new();
        // Braces around a Guid.
        let g = strip_braces(id);
        if g.len() != id.len() {
            keys.push(fold(g));
        }
        // A prefixed address (`smtp:a@b`, `X500:/o=…`) is indexed by the part after the prefix.
        if let Some((_, rest)) = folded.split_once(':') {
            keys.push(rest.to_string());
        }
        if id.contains('=') {
            keys.extend(self.dn_name_key(&folded));
        }
        if id.contains('/') {
            keys.extend(self.canonical_name_key(&folded));
            keys.extend(self.legacy_dn_alias_key(&folded));
        }
        let mut found: Vec<usize> = self.candidates(&folded).collect();
        for k in &keys {
            found.extend(self.candidates(k));
        }
        if !keys.is_empty() {
            found.sort_unstable();
            found.dedup();
        }
        found
    }

    /// The folded name inside a folded distinguished name `cn=<name>,cn=users,dc=…`, unescaped.
    pub(super) fn dn_name_key(&self, folded: &str) -> Option<String> {
        let suffix = fold(&format!(",{}", self.users_container_dn()));
        let middle = folded.strip_prefix("cn=")?.strip_suffix(suffix.as_str())?;
        let mut out = String::with_capacity(middle.len());
        let mut chars = middle.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                out.extend(chars.next());
            } else {
                out.push(c);
            }
        }
        Some(out)
    }

    /// The folded name inside a folded canonical name `contoso.com/users/<name>`.
    pub(super) fn canonical_name_key(&self, folded: &str) -> Option<String> {
        let prefix = fold(&format!("{}/", self.users_container()));
        Some(folded.strip_prefix(prefix.as_str())?.replace("\\/", "/"))
    }

    /// The folded alias at the end of a folded LegacyExchangeDN.
    pub(super) fn legacy_dn_alias_key(&self, folded: &str) -> Option<String> {
        if !self.org.version.is_on_premises() {
            let prefix = fold(&format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn=", Self::ONLINE_LEGACY_ORG));
            let rest = folded.strip_prefix(prefix.as_str())?;
            let (hex, alias) = rest.split_once('-')?;
            return (hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| alias.to_string());
        }
        let prefix = fold(&format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn=", self.org.name));
        Some(folded.strip_prefix(prefix.as_str())?.to_string())
    }

    /// First-phase match (behavior.md §7.2): Alias, DisplayName, UPN, e-mail addresses, DN,
    /// canonical name, Guid, ExchangeGuid, LegacyExchangeDN.
    pub(super) fn matches_primary(&self, r: &Recipient, id: &str) -> bool {
        if eq_ci(&r.alias, id) || eq_ci(&r.display_name, id) || eq_ci(&r.primary_smtp, id) {
            return true;
        }
        if r.upn.as_deref().is_some_and(|u| eq_ci(u, id)) {
            return true;
        }
        if r.email_addresses.iter().chain(r.external_email.iter()).any(|a| address_matches(a, id)) {
            return true;
        }
        let g = strip_braces(id);
        if eq_ci(&r.guid, g) || r.exchange_guid.as_deref().is_some_and(|x| eq_ci(x, g)) {
            return true;
        }
        // The structured forms are only worth building when the shape fits.
        (id.contains('=') && eq_ci(&self.distinguished_name(r), id))
            || (id.contains('/') && (eq_ci(&self.canonical_name(r), id) || eq_ci(&self.legacy_exchange_dn(r), id)))
    }

    /// Wildcard match over the name-like properties (Alias, Name, DisplayName, UPN, addresses).
    pub(super) fn matches_wildcard(&self, r: &Recipient, pattern: &str) -> bool {
        wildcard_match(pattern, &r.alias)
            || wildcard_match(pattern, &r.name)
            || wildcard_match(pattern, &r.display_name)
            || wildcard_match(pattern, &r.primary_smtp)
            || r.upn.as_deref().is_some_and(|u| wildcard_match(pattern, u))
    }

    /// Every recipient matching `identity` in scope, creation order; supports `*`/`?` wildcards (Get-* cmdlets).
    pub fn find_recipients(&self, identity: &str, scope: RecipientScope) -> Vec<usize> {
        if identity.is_empty() {
            return Vec::new();
        }
        if has_wildcard(identity) {
            let scan = self.recipients.iter().enumerate().filter(|(_, r)| scope.includes(r.kind));
            return scan.filter(|(_, r)| self.matches_wildcard(r, identity)).map(|(i, _)| i).collect();
        }
        // The index yields every recipient that can match (and maybe more); each is checked with
        // the same predicates a scan uses, in creation order.
        let in_scope = |i: &usize| scope.includes(self.recipients[*i].kind);
        let found: Vec<usize> = self
            .primary_candidates(identity)
            .into_iter()
            .filter(|i| in_scope(i) && self.matches_primary(&self.recipients[*i], identity))
            .collect();
        if !found.is_empty() {
            return found;
        }
        let found: Vec<usize> = self
            .candidates(&fold(identity))
            .filter(|i| in_scope(i) && eq_ci(&self.recipients[*i].name, identity))
            .collect();
        if !found.is_empty() {
            return found;
        }
        let sam = match identity.split_once('\\') {
            Some((domain, sam)) if eq_ci(domain, &self.org.netbios) => sam,
            Some(_) => return Vec::new(),
            None => identity,
        };
        self.candidates(&fold(sam))
            .filter(|i| in_scope(i) && self.recipients[*i].sid.is_some() && eq_ci(&self.recipients[*i].alias, sam))
            .collect()
    }

    /// Exactly one recipient (Set/Add/Remove cmdlets): NotFound / Ambiguous otherwise.
    pub fn resolve_recipient(&self, identity: &str, scope: RecipientScope) -> Result<usize, ResolveError> {
        one(self.find_recipients(identity, scope))
    }
}

/// One address of `EmailAddresses` (`SMTP:x`, `smtp:x`, `X500:/o=…`) against an identity:
/// the full prefixed form, or the bare address for SMTP and X500.
pub(super) fn address_matches(addr: &str, id: &str) -> bool {
    if eq_ci(addr, id) {
        return true;
    }
    match addr.split_once(':') {
        Some((prefix, rest)) if eq_ci(prefix, "smtp") || eq_ci(prefix, "x500") => {
            eq_ci(rest, id) || id.split_once(':').is_some_and(|(p, r)| eq_ci(p, prefix) && eq_ci(r, rest))
        }
        _ => false,
    }
}

/// Exactly one element.
pub(super) fn one<T: Copy>(found: Vec<T>) -> Result<T, ResolveError> {
    match found.as_slice() {
        [x] => Ok(*x),
        [] => Err(ResolveError::NotFound),
        _ => Err(ResolveError::Ambiguous),
    }
}
