//! The Exchange domain model: the organization, identity resolution, and every change to it.
//!
//! Invariants: no serde, no `Value`, no I/O, no clock. Every mutation goes through
//! [`Directory::apply`] with a typed [`Change`], so a run's changes can be replayed (store merge)
//! or listed (the coming plan feature).

pub mod access;
pub mod access_diff;
pub mod apply;
pub mod audit;
pub mod change;
pub mod diff;
pub mod identity;
pub mod index;
pub mod inherited;
pub mod lifecycle;
pub mod model;
pub mod reach;
pub mod rights;
pub mod sample;
pub mod stats;
#[cfg(test)]
pub(crate) mod test_org;

pub use access::{AccessDecision, AccessReason, AccessSource, EffectiveAccess};
pub use apply::DirectoryError;
pub use audit::{AuditFix, AuditObject, AuditPermission, AuditTrustee, AuditVia, Finding, FindingKind};
pub use change::{Change, OwnerOf, RecipientField};
pub use identity::{ADMIN_GROUP, AdObject, RecipientScope, ResolveError, Trustee};
pub use index::Recipients;
pub use lifecycle::NewRecipient;
pub use model::*;
pub use reach::{FolderReach, Reach};
pub use stats::FolderStats;

/// The whole organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Directory {
    /// Organization facts and version.
    pub org: OrgInfo,
    /// Mailbox databases.
    pub databases: Vec<Database>,
    /// Recipients in creation order, with their identity index (see [`index`]); reads and
    /// writes work as on a `Vec<Recipient>`.
    pub recipients: Recipients,
    /// Built-in and non-mail security principals.
    pub principals: Vec<Principal>,
}
