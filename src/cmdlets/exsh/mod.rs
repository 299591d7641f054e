//! exsh's own cmdlets (`Origin::Exsh`): questions real Exchange has no cmdlet for, answered from
//! the one access model (`directory::access`, `directory::reach`; rules in docs/access-model.md).
//! They are declared, bound, documented and completed like every other cmdlet; Get-Command lists
//! them under Source `exsh`.

pub mod explain;
pub mod mailbox_access;
pub mod permission_audit;

use crate::cmdlet::Cmdlet;

/// exsh's own cmdlets, alphabetically.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(mailbox_access::GetMailboxAccess),
        Box::new(permission_audit::GetPermissionAudit),
        Box::new(mailbox_access::TestMailboxAccess),
    ]
}
