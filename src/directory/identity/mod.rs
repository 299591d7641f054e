//! Identity resolution: how `-Identity`, `-User`, `-Trustee`, `-Database` and folder identities
//! name objects (behavior.md §7.2), and the names objects print as (DN, canonical name, NT account).
//!
//! Matching is case-insensitive and exact (no trimming: `'karen '` is not found, as in Exchange).
//! This module has the result types and the text rules; `recipients` resolves recipients,
//! `principals` security principals and membership, `objects` AD objects, databases, folders and
//! folder users, and `names` builds DNs, canonical names and LegacyExchangeDNs.

use super::model::RecipientKind;

mod names;
mod objects;
mod principals;
mod recipients;
#[cfg(test)]
mod tests;

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
    /// Mail contacts only (Get-MailContact, Get-Contact: exsh models no contact without mail).
    MailContact,
    /// Mail users only (Get-MailUser).
    MailUser,
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
            RecipientScope::MailContact => kind == RecipientKind::MailContact,
            RecipientScope::MailUser => kind == RecipientKind::MailUser,
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
