//! Identity resolution: how `-Identity`, `-User`, `-Trustee`, `-Database` and folder identities
//! name objects (behavior.md §7.2), and the names objects print as (DN, canonical name, NT account).
//!
//! Matching is case-insensitive and exact (no trimming: `'karen '` is not found, as in Exchange).

use super::Directory;
use super::index::fold;
use super::model::{Database, FolderUser, Recipient, RecipientKind};

/// Why an identity did not resolve to exactly one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolveError {
    /// Nothing matched.
    NotFound,
    /// More than one object matched.
    Ambiguous,
}

/// Which recipients an identity parameter can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientScope {
    /// The four mailbox kinds (Get-Mailbox, MailboxIdParameter).
    Mailbox,
    /// Every recipient (Get-Recipient).
    Recipient,
    /// Recipients with a user account: mailboxes and mail users (Get-User).
    User,
    /// Mail-enabled groups (Get-DistributionGroup).
    Group,
    /// Mailboxes and mail users.
    MailUserOrMailbox,
}

impl RecipientScope {
    /// True when a recipient of this kind is in scope.
    pub fn includes(self, kind: RecipientKind) -> bool {
        match self {
            RecipientScope::Mailbox => kind.is_mailbox(),
            RecipientScope::Recipient => true,
            RecipientScope::User | RecipientScope::MailUserOrMailbox => {
                kind.is_mailbox() || kind == RecipientKind::MailUser
            }
            RecipientScope::Group => kind.is_group(),
        }
    }
}

/// A resolved security principal (`-User`, `-Trustee`, `-Owner`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trustee {
    /// Its SID.
    pub sid: String,
    /// NT account name (`CONTOSO\michelle`, `NT AUTHORITY\SELF`), or the SID of an unknown account.
    pub account: String,
    /// The recipient index when the principal is a recipient.
    pub recipient: Option<usize>,
}

/// An object `*-ADPermission -Identity` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdObject {
    /// A recipient, by index.
    Recipient(usize),
    /// A mailbox database, by index.
    Database(usize),
}

/// The administrative group every on-premises LegacyExchangeDN and database DN goes through.
pub const ADMIN_GROUP: &str = "Exchange Administrative Group (FYDIBOHF23SPDLT)";

/// Case-insensitive (Unicode simple lowercase) equality without allocation.
pub fn eq_ci(a: &str, b: &str) -> bool {
    if a.len() == b.len() && a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// True when `identity` holds an identity wildcard (`*` or `?`).
pub fn has_wildcard(identity: &str) -> bool {
    identity.contains(['*', '?'])
}

/// Case-insensitive wildcard match: `*` any run, `?` one character; everything else literal.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let t: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || (p[pi] != '*' && p[pi] == t[ti])) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// True for a syntactically valid SID string (`S-1-5-…`).
pub fn is_sid_string(s: &str) -> bool {
    let mut parts = s.split('-');
    let head = parts.next().unwrap_or("");
    if !head.eq_ignore_ascii_case("S") {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    rest.len() >= 2 && rest.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// True for a plausible SMTP address (`local@domain.tld`, no spaces).
pub fn is_smtp_address(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
}

/// Recipient positions to check: those the index lists, or all of them.
enum Candidates<'a> {
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
fn strip_braces(s: &str) -> &str {
    s.strip_prefix('{').and_then(|x| x.strip_suffix('}')).unwrap_or(s)
}

/// Escapes an RDN value for a distinguished name (RFC 4514 specials).
fn escape_rdn(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Directory {
    /// `DC=contoso,DC=com` for the org domain.
    pub fn domain_dn(&self) -> String {
        self.org.domain.split('.').map(|p| format!("DC={p}")).collect::<Vec<_>>().join(",")
    }

    /// `contoso.com/Users/Karen Berg` (a `/` in the name prints as `\/`).
    pub fn canonical_name(&self, r: &Recipient) -> String {
        format!("{}/Users/{}", self.org.domain, r.name.replace('/', "\\/"))
    }

    /// `CN=Karen Berg,CN=Users,DC=contoso,DC=com`.
    pub fn distinguished_name(&self, r: &Recipient) -> String {
        format!("CN={},CN=Users,{}", escape_rdn(&r.name), self.domain_dn())
    }

    /// `CN=DB01,CN=Databases,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),…,DC=contoso,DC=com`.
    pub fn database_dn(&self, db: &Database) -> String {
        format!(
            "CN={},CN=Databases,CN={ADMIN_GROUP},CN=Administrative Groups,CN={},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}",
            escape_rdn(&db.name),
            escape_rdn(&self.org.name),
            self.domain_dn()
        )
    }

    /// `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=karen`.
    pub fn legacy_exchange_dn(&self, r: &Recipient) -> String {
        format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn={}", self.org.name, r.alias)
    }

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
    fn candidates(&self, key: &str) -> Candidates<'_> {
        let n = self.recipients.len();
        match self.recipients.warm_index() {
            Some(index) => Candidates::Listed(index.get(key).iter(), n),
            None => Candidates::All(0..n),
        }
    }

    /// Every recipient that can match `id` by a first-phase property (see
    /// [`Directory::matches_primary`]), and more: the caller checks each. Structured forms are
    /// reduced to the name or alias they embed.
    fn primary_candidates(&self, id: &str) -> Vec<usize> {
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
    fn dn_name_key(&self, folded: &str) -> Option<String> {
        let suffix = fold(&format!(",CN=Users,{}", self.domain_dn()));
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
    fn canonical_name_key(&self, folded: &str) -> Option<String> {
        let prefix = fold(&format!("{}/Users/", self.org.domain));
        Some(folded.strip_prefix(prefix.as_str())?.replace("\\/", "/"))
    }

    /// The folded alias at the end of a folded LegacyExchangeDN.
    fn legacy_dn_alias_key(&self, folded: &str) -> Option<String> {
        let prefix = fold(&format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn=", self.org.name));
        Some(folded.strip_prefix(prefix.as_str())?.to_string())
    }

    /// The built-in principal with this SID.
    pub fn principal_by_sid(&self, sid: &str) -> Option<usize> {
        self.principals.iter().position(|p| eq_ci(&p.sid, sid))
    }

    /// First-phase match (behavior.md §7.2): Alias, DisplayName, UPN, e-mail addresses, DN,
    /// canonical name, Guid, ExchangeGuid, LegacyExchangeDN.
    fn matches_primary(&self, r: &Recipient, id: &str) -> bool {
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
    fn matches_wildcard(&self, r: &Recipient, pattern: &str) -> bool {
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

    /// -User / -Trustee / -Owner: recipients with a SID plus built-in principals
    /// (`NT AUTHORITY\SELF`, `CONTOSO\Domain Admins`, `Domain Admins`, SID strings, UPN, DOMAIN\sam, alias, name…).
    /// A well-formed SID that names nobody resolves to itself (orphaned entries can be removed by SID).
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
                .filter(|i| self.recipients[*i].sid.is_some())
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
        sid.to_string()
    }

    /// *-ADPermission -Identity: a DN, or a unique Name of a recipient or database
    /// (Guid and canonical name are accepted too).
    pub fn resolve_ad_object(&self, identity: &str) -> Result<AdObject, ResolveError> {
        let g = strip_braces(identity);
        let mut found: Vec<AdObject> = Vec::new();
        let folded = fold(identity);
        let mut candidates: Vec<usize> = self.candidates(&fold(g)).collect();
        for key in self.dn_name_key(&folded).into_iter().chain(self.canonical_name_key(&folded)) {
            candidates.extend(self.candidates(&key));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            let r = &self.recipients[i];
            if eq_ci(&self.distinguished_name(r), identity)
                || eq_ci(&r.guid, g)
                || eq_ci(&self.canonical_name(r), identity)
            {
                found.push(AdObject::Recipient(i));
            }
        }
        for (i, d) in self.databases.iter().enumerate() {
            if eq_ci(&self.database_dn(d), identity) || eq_ci(&d.guid, g) {
                found.push(AdObject::Database(i));
            }
        }
        if found.is_empty() {
            found.extend(
                self.candidates(&folded)
                    .filter(|i| eq_ci(&self.recipients[*i].name, identity))
                    .map(AdObject::Recipient),
            );
            found.extend(
                self.databases
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| eq_ci(&d.name, identity))
                    .map(|(i, _)| AdObject::Database(i)),
            );
        }
        one(found)
    }

    /// -Database / Get-MailboxDatabase -Identity: Name, DN or Guid.
    pub fn resolve_database(&self, identity: &str) -> Result<usize, ResolveError> {
        let g = strip_braces(identity);
        one(self
            .databases
            .iter()
            .enumerate()
            .filter(|(_, d)| eq_ci(&d.name, identity) || eq_ci(&d.guid, g) || eq_ci(&self.database_dn(d), identity))
            .map(|(i, _)| i)
            .collect())
    }

    /// The database index by name (as stored in `Recipient::database`).
    pub fn database_by_name(&self, name: &str) -> Option<usize> {
        self.databases.iter().position(|d| eq_ci(&d.name, name))
    }

    /// "karen:\Calendar" -> Some(("karen", "Calendar")); "karen:\" -> Some(("karen", "")); no ":\" -> None.
    pub fn split_folder_identity(identity: &str) -> Option<(&str, &str)> {
        let pos = identity.find(":\\")?;
        Some((&identity[..pos], &identity[pos + 2..]))
    }

    /// Folder index by path, case-insensitive, with or without leading '\' ("Inbox\Projects").
    pub fn folder_index(&self, recipient: usize, path: &str) -> Option<usize> {
        let p = path.strip_prefix('\\').unwrap_or(path);
        let p = p.strip_suffix('\\').unwrap_or(p);
        self.recipients.get(recipient)?.folders.iter().position(|f| eq_ci(&f.path, p))
    }

    /// -User of *-MailboxFolderPermission: "Default", "Anonymous", a recipient (FolderUser::Sid), or an
    /// external SMTP address not in the org (FolderUser::External). A mail contact resolves to its
    /// external address; an unknown address in the org's own domain is NotFound.
    pub fn resolve_folder_user(&self, identity: &str) -> Result<FolderUser, ResolveError> {
        if eq_ci(identity, "Default") {
            return Ok(FolderUser::Default);
        }
        if eq_ci(identity, "Anonymous") {
            return Ok(FolderUser::Anonymous);
        }
        if !has_wildcard(identity) {
            let i = match self.resolve_recipient(identity, RecipientScope::Recipient) {
                Ok(i) => Some(i),
                Err(ResolveError::Ambiguous) => return Err(ResolveError::Ambiguous),
                Err(ResolveError::NotFound) => None,
            };
            if let Some(i) = i {
                let r = &self.recipients[i];
                return Ok(match &r.sid {
                    Some(sid) => FolderUser::Sid(sid.clone()),
                    None => FolderUser::External(r.primary_smtp.clone()),
                });
            }
            if let Some(sid) = self.principal_by_sid(identity).map(|p| self.principals[p].sid.clone()) {
                return Ok(FolderUser::Sid(sid));
            }
        }
        let addr = identity.strip_prefix("smtp:").or_else(|| identity.strip_prefix("SMTP:")).unwrap_or(identity);
        if is_smtp_address(addr) {
            let domain = addr.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
            if !eq_ci(domain, &self.org.domain) {
                return Ok(FolderUser::External(addr.to_string()));
            }
        }
        Err(ResolveError::NotFound)
    }

    /// What the User column prints: display name for internal users, Default/Anonymous, SMTP for external.
    pub fn folder_user_display(&self, user: &FolderUser) -> String {
        match user {
            FolderUser::Default => "Default".to_string(),
            FolderUser::Anonymous => "Anonymous".to_string(),
            FolderUser::External(smtp) => smtp.clone(),
            FolderUser::Sid(sid) => {
                if let Some(r) = self.recipient_by_sid(sid) {
                    let r = &self.recipients[r];
                    if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() }
                } else if let Some(p) = self.principal_by_sid(sid) {
                    self.principals[p].name.clone()
                } else {
                    sid.clone()
                }
            }
        }
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
        let groups = self
            .recipients
            .iter()
            .filter(|r| r.kind.is_group())
            .filter_map(|r| r.sid.clone())
            .chain(self.principals.iter().filter(|p| p.is_group).map(|p| p.sid.clone()));
        groups.filter(|g| !eq_ci(g, sid) && self.is_member(sid, g)).collect()
    }
}

/// One address of `EmailAddresses` (`SMTP:x`, `smtp:x`, `X500:/o=…`) against an identity:
/// the full prefixed form, or the bare address for SMTP and X500.
fn address_matches(addr: &str, id: &str) -> bool {
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
fn one<T: Copy>(found: Vec<T>) -> Result<T, ResolveError> {
    match found.as_slice() {
        [x] => Ok(*x),
        [] => Err(ResolveError::NotFound),
        _ => Err(ResolveError::Ambiguous),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::model::ExchangeVersion;

    fn org() -> Directory {
        Directory::sample(ExchangeVersion::Exchange2019)
    }

    const KAREN_DN: &str = "CN=Karen Berg,CN=Users,DC=contoso,DC=com";

    #[test]
    fn names_of_karen() {
        let d = org();
        let k = &d.recipients[1];
        assert_eq!(d.canonical_name(k), "contoso.com/Users/Karen Berg");
        assert_eq!(d.distinguished_name(k), KAREN_DN);
        assert_eq!(
            d.legacy_exchange_dn(k),
            "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=karen"
        );
        assert_eq!(
            d.database_dn(&d.databases[0]),
            "CN=DB01,CN=Databases,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"
        );
    }

    #[test]
    fn dn_and_canonical_name_escape_specials() {
        let mut d = org();
        d.recipients[1].name = "Berg, Karen/ext".to_string();
        let k = &d.recipients[1];
        assert_eq!(d.distinguished_name(k), "CN=Berg\\, Karen/ext,CN=Users,DC=contoso,DC=com");
        assert_eq!(d.canonical_name(k), "contoso.com/Users/Berg, Karen\\/ext");
        assert_eq!(
            d.resolve_recipient("CN=Berg\\, Karen/ext,CN=Users,DC=contoso,DC=com", RecipientScope::Mailbox),
            Ok(1)
        );
    }

    #[test]
    fn every_identity_form_of_karen() {
        let d = org();
        let k = &d.recipients[1];
        let forms = [
            "Karen Berg".to_string(),
            "karen".to_string(),
            "KAREN".to_string(),
            "karen@contoso.com".to_string(),
            "Karen@Contoso.com".to_string(),
            "smtp:karen@contoso.com".to_string(),
            "SMTP:karen@contoso.com".to_string(),
            "CONTOSO\\karen".to_string(),
            "contoso\\KAREN".to_string(),
            KAREN_DN.to_string(),
            KAREN_DN.to_lowercase(),
            "contoso.com/Users/Karen Berg".to_string(),
            k.guid.clone(),
            k.guid.to_uppercase(),
            format!("{{{}}}", k.guid),
            k.exchange_guid.clone().unwrap_or_default(),
            d.legacy_exchange_dn(k),
        ];
        for f in &forms {
            assert_eq!(d.resolve_recipient(f, RecipientScope::Mailbox), Ok(1), "{f}");
            assert_eq!(d.find_recipients(f, RecipientScope::Recipient), vec![1], "{f}");
        }
    }

    #[test]
    fn not_found_cases() {
        let d = org();
        for f in ["karen ", " karen", "kare", "Karen Berg2", "OTHER\\karen", "", "nobody@contoso.com", "\\karen"] {
            assert_eq!(d.resolve_recipient(f, RecipientScope::Mailbox), Err(ResolveError::NotFound), "{f:?}");
        }
        // Out of scope.
        assert_eq!(d.resolve_recipient("allstaff", RecipientScope::Mailbox), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_recipient("allstaff", RecipientScope::Group), Ok(11));
        assert_eq!(d.resolve_recipient("karen", RecipientScope::Group), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_recipient("partner", RecipientScope::Recipient), Ok(12));
        assert_eq!(d.resolve_recipient("partner@fabrikam.com", RecipientScope::Recipient), Ok(12));
        assert_eq!(d.resolve_recipient("partner", RecipientScope::User), Err(ResolveError::NotFound));
    }

    #[test]
    fn ambiguity_rules() {
        let mut d = org();
        // Same DisplayName: ambiguous.
        d.recipients[3].display_name = "Karen Berg".to_string();
        assert_eq!(d.resolve_recipient("Karen Berg", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
        assert_eq!(d.find_recipients("Karen Berg", RecipientScope::Mailbox), vec![1, 3]);
        // Name of one = Alias of another: the alias wins (Name is only tried when nothing else matched).
        let mut d = org();
        d.recipients[3].name = "karen".to_string();
        assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Ok(1));
        // Name alone still finds it.
        d.recipients[3].name = "Amy A.".to_string();
        assert_eq!(d.resolve_recipient("Amy A.", RecipientScope::Mailbox), Ok(3));
    }

    #[test]
    fn wildcards() {
        let d = org();
        assert_eq!(d.find_recipients("*", RecipientScope::Mailbox), (0..10).collect::<Vec<_>>());
        assert_eq!(d.find_recipients("*", RecipientScope::Recipient).len(), 13);
        assert_eq!(d.find_recipients("k*", RecipientScope::Mailbox), vec![1, 5]);
        assert_eq!(d.find_recipients("*Desk*", RecipientScope::Recipient), vec![7, 10]);
        assert_eq!(d.find_recipients("j?hn", RecipientScope::Mailbox), vec![4]);
        assert_eq!(d.find_recipients("*@fabrikam.com", RecipientScope::Recipient), vec![12]);
        assert_eq!(d.resolve_recipient("k*", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
        assert_eq!(d.resolve_recipient("kar*", RecipientScope::Mailbox), Ok(1));
        assert!(d.find_recipients("zz*", RecipientScope::Recipient).is_empty());
        assert!(wildcard_match("a*b*c", "aXXbYYc"));
        assert!(!wildcard_match("a*b*c", "aXXbYY"));
        assert!(wildcard_match("**", ""));
    }

    #[test]
    fn principals_resolve() {
        let d = org();
        let ok = |s: &str| d.resolve_principal(s).map(|t| (t.sid, t.account, t.recipient));
        assert_eq!(ok("NT AUTHORITY\\SELF"), Ok(("S-1-5-10".into(), "NT AUTHORITY\\SELF".into(), None)));
        assert_eq!(ok("nt authority\\system").map(|x| x.1), Ok("NT AUTHORITY\\SYSTEM".into()));
        assert_eq!(ok("S-1-5-20").map(|x| x.1), Ok("NT AUTHORITY\\NETWORK SERVICE".into()));
        let da = format!("{}-512", d.org.domain_sid);
        assert_eq!(ok("CONTOSO\\Domain Admins").map(|x| x.0), Ok(da.clone()));
        assert_eq!(ok("Domain Admins").map(|x| x.0), Ok(da.clone()));
        assert_eq!(ok(&da).map(|x| x.1), Ok("CONTOSO\\Domain Admins".into()));
        assert_eq!(ok("Organization Management").map(|x| x.1), Ok("CONTOSO\\Organization Management".into()));
        let michelle =
            ("S-1-5-21-3623811015-3361044348-30300820-1106".to_string(), "CONTOSO\\michelle".to_string(), Some(2));
        for f in [
            "michelle",
            "Michelle Dubois",
            "michelle@contoso.com",
            "CONTOSO\\michelle",
            "S-1-5-21-3623811015-3361044348-30300820-1106",
        ] {
            assert_eq!(ok(f), Ok(michelle.clone()), "{f}");
        }
        assert_eq!(ok("CONTOSO\\Administrator").map(|x| x.2), Ok(Some(0)));
        assert_eq!(ok("Help Desk Agents").map(|x| x.1), Ok("CONTOSO\\helpdeskagents".into()));
        // Contacts have no SID: not a principal.
        assert_eq!(ok("partner"), Err(ResolveError::NotFound));
        assert_eq!(ok("nobody"), Err(ResolveError::NotFound));
        assert_eq!(ok("michelle "), Err(ResolveError::NotFound));
        // A well-formed but unknown SID resolves to itself (orphaned entries).
        let orphan = "S-1-5-21-3623811015-3361044348-30300820-4242";
        assert_eq!(ok(orphan), Ok((orphan.to_string(), orphan.to_string(), None)));
    }

    #[test]
    fn principal_ambiguity() {
        let mut d = org();
        d.recipients[3].display_name = "Michelle Dubois".to_string();
        assert_eq!(d.resolve_principal("Michelle Dubois"), Err(ResolveError::Ambiguous));
        // A recipient called like a built-in group collides with it.
        d.recipients[4].display_name = "Domain Admins".to_string();
        assert_eq!(d.resolve_principal("Domain Admins"), Err(ResolveError::Ambiguous));
    }

    #[test]
    fn account_names() {
        let d = org();
        assert_eq!(d.account_name("S-1-5-10"), "NT AUTHORITY\\SELF");
        assert_eq!(d.account_name("S-1-5-21-3623811015-3361044348-30300820-1105"), "CONTOSO\\karen");
        assert_eq!(d.account_name("S-1-5-21-3623811015-3361044348-30300820-500"), "CONTOSO\\Administrator");
        assert_eq!(d.account_name("S-1-5-21-1-2-3-9999"), "S-1-5-21-1-2-3-9999");
        assert!(is_sid_string("S-1-5-10"));
        assert!(!is_sid_string("S-1"));
        assert!(!is_sid_string("S-1-x"));
        assert!(!is_sid_string("karen"));
    }

    #[test]
    fn ad_objects_and_databases() {
        let d = org();
        assert_eq!(d.resolve_ad_object(KAREN_DN), Ok(AdObject::Recipient(1)));
        assert_eq!(d.resolve_ad_object("Karen Berg"), Ok(AdObject::Recipient(1)));
        assert_eq!(d.resolve_ad_object("DB02"), Ok(AdObject::Database(1)));
        let dn = d.database_dn(&d.databases[0]);
        assert_eq!(d.resolve_ad_object(&dn), Ok(AdObject::Database(0)));
        assert_eq!(d.resolve_ad_object("nobody"), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_database("db01"), Ok(0));
        assert_eq!(d.resolve_database(&d.databases[1].guid), Ok(1));
        assert_eq!(d.resolve_database("DB03"), Err(ResolveError::NotFound));
        let mut d = org();
        d.recipients[3].name = "DB01".to_string();
        assert_eq!(d.resolve_ad_object("DB01"), Err(ResolveError::Ambiguous));
    }

    #[test]
    fn folder_identities() {
        assert_eq!(Directory::split_folder_identity("karen:\\Calendar"), Some(("karen", "Calendar")));
        assert_eq!(Directory::split_folder_identity("karen:\\"), Some(("karen", "")));
        assert_eq!(
            Directory::split_folder_identity("karen@contoso.com:\\Inbox\\Projects"),
            Some(("karen@contoso.com", "Inbox\\Projects"))
        );
        assert_eq!(Directory::split_folder_identity("karen"), None);
        assert_eq!(Directory::split_folder_identity("karen:Calendar"), None);
        let d = org();
        assert_eq!(d.folder_index(1, ""), Some(0));
        assert_eq!(d.folder_index(1, "\\"), Some(0));
        assert_eq!(d.folder_index(1, "calendar"), d.folder_index(1, "\\Calendar"));
        assert!(d.folder_index(1, "Calendar").is_some());
        assert_eq!(d.folder_index(1, "inbox\\projects"), Some(2));
        assert_eq!(d.folder_index(2, "Inbox\\Projects"), None);
        assert_eq!(d.folder_index(1, "Kalender"), None);
        assert_eq!(d.folder_index(99, "Calendar"), None);
    }

    #[test]
    fn folder_users() {
        let d = org();
        assert_eq!(d.resolve_folder_user("default"), Ok(FolderUser::Default));
        assert_eq!(d.resolve_folder_user("Anonymous"), Ok(FolderUser::Anonymous));
        let m = FolderUser::Sid("S-1-5-21-3623811015-3361044348-30300820-1106".into());
        assert_eq!(d.resolve_folder_user("michelle"), Ok(m.clone()));
        assert_eq!(d.folder_user_display(&m), "Michelle Dubois");
        assert_eq!(
            d.resolve_folder_user("someone@fabrikam.com"),
            Ok(FolderUser::External("someone@fabrikam.com".into()))
        );
        assert_eq!(d.resolve_folder_user("partner"), Ok(FolderUser::External("partner@fabrikam.com".into())));
        assert_eq!(d.resolve_folder_user("nobody"), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_folder_user("nobody@contoso.com"), Err(ResolveError::NotFound));
        assert_eq!(d.folder_user_display(&FolderUser::External("x@y.com".into())), "x@y.com");
        assert_eq!(d.folder_user_display(&FolderUser::Default), "Default");
        assert_eq!(d.folder_user_display(&FolderUser::Sid("S-1-5-21-9-9-9-9".into())), "S-1-5-21-9-9-9-9");
    }

    #[test]
    fn membership_is_transitive_and_cycle_safe() {
        let mut d = org();
        let sid = |i: usize, d: &Directory| d.recipients[i].sid.clone().unwrap_or_default();
        let (kim, agents, all, karen) = (sid(5, &d), sid(10, &d), sid(11, &d), sid(1, &d));
        assert!(d.is_member(&kim, &agents));
        assert!(!d.is_member(&karen, &agents));
        assert!(!d.is_member(&agents, &agents));
        // Nest agents in all staff, and all staff back into agents (a cycle).
        let agents_guid = d.recipients[10].guid.clone();
        let all_guid = d.recipients[11].guid.clone();
        d.recipients[11].members.push(agents_guid);
        d.recipients[10].members.push(all_guid);
        assert!(d.is_member(&karen, &agents));
        assert!(d.is_member(&agents, &all));
        assert!(d.is_member(&all, &all));
        assert!(!d.is_member("S-1-5-10", &all));
        // Principal groups hold the Administrator.
        let da = format!("{}-512", d.org.domain_sid);
        assert!(d.is_member(&sid(0, &d), &da));
        assert!(!d.is_member(&karen, &da));
        let groups = d.group_sids_of(&sid(0, &d));
        assert_eq!(groups.len(), 3);
    }

    /// The scan every look-up did before the index: the reference the indexed look-ups must equal.
    fn scan_find(d: &Directory, identity: &str, scope: RecipientScope) -> Vec<usize> {
        let in_scope = || d.recipients.iter().enumerate().filter(|(_, r)| scope.includes(r.kind));
        if identity.is_empty() {
            return Vec::new();
        }
        if has_wildcard(identity) {
            return in_scope().filter(|(_, r)| d.matches_wildcard(r, identity)).map(|(i, _)| i).collect();
        }
        let found: Vec<usize> = in_scope().filter(|(_, r)| d.matches_primary(r, identity)).map(|(i, _)| i).collect();
        if !found.is_empty() {
            return found;
        }
        let found: Vec<usize> = in_scope().filter(|(_, r)| eq_ci(&r.name, identity)).map(|(i, _)| i).collect();
        if !found.is_empty() {
            return found;
        }
        let sam = match identity.split_once('\\') {
            Some((domain, sam)) if eq_ci(domain, &d.org.netbios) => sam,
            Some(_) => return Vec::new(),
            None => identity,
        };
        in_scope().filter(|(_, r)| r.sid.is_some() && eq_ci(&r.alias, sam)).map(|(i, _)| i).collect()
    }

    fn scan_ad_object(d: &Directory, identity: &str) -> Result<AdObject, ResolveError> {
        let g = strip_braces(identity);
        let mut found: Vec<AdObject> = Vec::new();
        for (i, r) in d.recipients.iter().enumerate() {
            if eq_ci(&d.distinguished_name(r), identity) || eq_ci(&r.guid, g) || eq_ci(&d.canonical_name(r), identity) {
                found.push(AdObject::Recipient(i));
            }
        }
        for (i, db) in d.databases.iter().enumerate() {
            if eq_ci(&d.database_dn(db), identity) || eq_ci(&db.guid, g) {
                found.push(AdObject::Database(i));
            }
        }
        if found.is_empty() {
            found.extend(
                d.recipients
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| eq_ci(&r.name, identity))
                    .map(|(i, _)| AdObject::Recipient(i)),
            );
            found.extend(
                d.databases
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| eq_ci(&x.name, identity))
                    .map(|(i, _)| AdObject::Database(i)),
            );
        }
        one(found)
    }

    /// Every identity form of every recipient, mangled in case, plus near misses.
    fn identity_forms(d: &Directory) -> Vec<String> {
        let mut forms = vec![
            String::new(),
            "CONTOSO\\".into(),
            "OTHER\\karen".into(),
            "cn=,CN=Users,DC=contoso,DC=com".into(),
            "contoso.com/Users/".into(),
            "smtp:".into(),
            ":".into(),
            "{}".into(),
            "S-1-5-10".into(),
            "DB01".into(),
        ];
        for r in d.recipients.iter() {
            let mut f = vec![
                r.alias.clone(),
                r.name.clone(),
                r.display_name.clone(),
                r.primary_smtp.clone(),
                r.guid.clone(),
                format!("{{{}}}", r.guid),
                d.distinguished_name(r),
                d.canonical_name(r),
                d.legacy_exchange_dn(r),
                format!("{}\\{}", d.org.netbios, r.alias),
                format!("x\\{}", r.alias),
                format!("{} ", r.alias),
                format!("smtp:{}", r.primary_smtp),
                format!("X500:{}", d.legacy_exchange_dn(r)),
            ];
            f.extend(r.upn.clone());
            f.extend(r.sid.clone());
            f.extend(r.exchange_guid.clone());
            f.extend(r.email_addresses.iter().cloned());
            f.extend(r.external_email.clone());
            for x in f {
                forms.push(x.to_uppercase());
                forms.push(x.to_lowercase());
                forms.push(x);
            }
        }
        forms
    }

    /// A sample org with the awkward cases: shared names, escaped DN characters, slashes, a name
    /// equal to another's alias, non-SMTP addresses, non-ASCII names.
    fn awkward_org() -> Directory {
        let mut d = org();
        d.recipients[1].name = "Berg, Karen/ext".into();
        d.recipients[2].name = "#Mich\\elle ".into();
        d.recipients[3].display_name = "Karen Berg".into();
        d.recipients[4].name = "kim".into();
        d.recipients[5].email_addresses.push("X500:/o=Old/cn=kim".into());
        d.recipients[5].email_addresses.push("sip:kim@contoso.com".into());
        d.recipients[5].email_addresses.push("noprefix@contoso.com".into());
        d.recipients[6].name = "Ödön Åström".into();
        d.recipients[6].display_name = "ΟΔΟΣ".into();
        d.recipients[7].alias = "contoso\\helpdesk".into();
        d.recipients[8].name = "a=b/c\\/d".into();
        d
    }

    #[test]
    fn indexed_lookups_equal_the_scan() {
        for d in [org(), awkward_org(), Directory::sample(ExchangeVersion::Online)] {
            let mut forms = identity_forms(&d);
            forms.extend(
                ["οδος", "οδοσ", "ödön åström", "kim", "KIM", "x500:/o=old/cn=kim", "/o=Old/cn=kim"].map(String::from),
            );
            forms.extend(
                ["sip:kim@contoso.com", "kim@contoso.com", "noprefix@contoso.com", "smtp:noprefix@contoso.com"]
                    .map(String::from),
            );
            for f in &forms {
                for scope in [
                    RecipientScope::Mailbox,
                    RecipientScope::Recipient,
                    RecipientScope::User,
                    RecipientScope::Group,
                    RecipientScope::MailUserOrMailbox,
                ] {
                    assert_eq!(d.find_recipients(f, scope), scan_find(&d, f, scope), "{f:?} {scope:?}");
                }
                assert_eq!(d.resolve_ad_object(f), scan_ad_object(&d, f), "{f:?}");
                let g = strip_braces(f);
                assert_eq!(d.recipient_by_guid(f), d.recipients.iter().position(|r| eq_ci(&r.guid, g)), "{f:?}");
                let by_sid = d.recipients.iter().position(|r| r.sid.as_deref().is_some_and(|s| eq_ci(s, f)));
                assert_eq!(d.recipient_by_sid(f), by_sid, "{f:?}");
            }
        }
    }

    #[test]
    fn lookups_after_a_change_see_the_new_state() {
        use crate::directory::{Change, NewRecipient, RecipientField};
        let mut d = org();
        assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Ok(1));
        // Create: found at once by every form.
        let spec = NewRecipient {
            name: "Ben Smith".into(),
            alias: "ben".into(),
            display_name: None,
            first_name: String::new(),
            last_name: String::new(),
            kind: RecipientKind::UserMailbox,
            database: None,
            external_email: None,
        };
        let ben = d.build_recipient(&spec);
        let (ben_guid, ben_sid) = (ben.guid.clone(), ben.sid.clone().unwrap_or_default());
        assert_eq!(d.resolve_recipient("ben", RecipientScope::Mailbox), Err(ResolveError::NotFound));
        d.apply(&Change::AddRecipient { recipient: Box::new(ben) }).expect("add");
        assert_eq!(d.resolve_recipient("ben@contoso.com", RecipientScope::Mailbox), Ok(13));
        assert_eq!(d.recipient_by_sid(&ben_sid), Some(13));
        assert_eq!(d.account_name(&ben_sid), "CONTOSO\\ben");
        // A permission change keeps the index (it names no recipient differently).
        d.recipients.index();
        let ace = crate::directory::MailboxAce {
            sid: ben_sid.clone(),
            rights: 1,
            deny: false,
            inheritance: crate::directory::Inheritance::All,
            inherited: false,
        };
        d.apply(&Change::AddMailboxAce { mailbox: d.recipients[1].guid.clone(), ace }).expect("grant");
        assert!(d.recipients.index_is_built());
        assert_eq!(d.resolve_principal("ben").map(|t| t.sid), Ok(ben_sid.clone()));
        // Renaming by address and display name.
        let fields = vec![
            RecipientField::DisplayName("Benjamin Smith".into()),
            RecipientField::EmailAddresses(vec!["SMTP:benjamin@contoso.com".into(), "smtp:ben@contoso.com".into()]),
        ];
        d.apply(&Change::SetRecipientFields { recipient: ben_guid.clone(), fields }).expect("set");
        assert_eq!(d.resolve_recipient("Benjamin Smith", RecipientScope::Mailbox), Ok(13));
        assert_eq!(d.resolve_recipient("benjamin@contoso.com", RecipientScope::Mailbox), Ok(13));
        assert_eq!(d.resolve_recipient("smtp:ben@contoso.com", RecipientScope::Mailbox), Ok(13));
        // Removing an earlier recipient moves everyone after it.
        let amy = d.recipients[3].guid.clone();
        d.apply(&Change::RemoveRecipient { recipient: amy.clone() }).expect("remove");
        assert_eq!(d.resolve_recipient("amy", RecipientScope::Mailbox), Err(ResolveError::NotFound));
        assert_eq!(d.recipient_by_guid(&amy), None);
        assert_eq!(d.resolve_recipient("Benjamin Smith", RecipientScope::Mailbox), Ok(12));
        assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Ok(3));
        // Replay of a removal (store merge) too.
        let john = d.recipients[3].guid.clone();
        assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Ok(3));
        d.replay(&Change::RemoveRecipient { recipient: john }).expect("replay");
        assert_eq!(d.resolve_recipient("john", RecipientScope::Mailbox), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Ok(3));
        // Direct edits of the public list drop the index as well.
        assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Ok(3));
        d.recipients[3].alias = "kimberly".into();
        assert_eq!(d.resolve_recipient("kim", RecipientScope::Mailbox), Err(ResolveError::NotFound));
        assert_eq!(d.resolve_recipient("kimberly", RecipientScope::Mailbox), Ok(3));
        let karen_copy = d.recipients[1].clone();
        d.recipients.push(karen_copy);
        assert_eq!(d.resolve_recipient("karen", RecipientScope::Mailbox), Err(ResolveError::Ambiguous));
        // A failed change keeps everything as it was, lookups included.
        let before = d.clone();
        let bad = Change::AddRecipient { recipient: Box::new(d.recipients[1].clone()) };
        assert!(d.apply(&bad).is_err());
        assert_eq!(d, before);
        assert_eq!(d.find_recipients("karen", RecipientScope::Mailbox), vec![1, 12]);
    }
}
