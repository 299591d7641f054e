//! The parameters many Exchange cmdlets share (reference/cmdlets.md §0.2), declared once with
//! their .NET types. A cmdlet adds them by name, and narrows `versions` where its docs do
//! (`params::ignore_default_scope().versions(ON_PREMISES)`). `-Confirm` and `-WhatIf` are not
//! here: the binder adds them to every cmdlet that declares `should_process`.

use crate::cmdlet::{IdentityKind, Param, ParamType};

use super::ON_PREMISES;
use super::types::INHERITANCE;

/// `-DomainController <Fqdn>` (on-premises only).
pub fn domain_controller() -> Param {
    Param::new("DomainController", ParamType::String)
        .versions(ON_PREMISES)
        .type_display("Fqdn")
        .help("The domain controller to read from or write to (FQDN).")
}

/// `-IgnoreDefaultScope`.
pub fn ignore_default_scope() -> Param {
    Param::new("IgnoreDefaultScope", ParamType::Switch)
        .help("Ignores the default recipient scope; Identity then accepts only a DN.")
}

/// `-ReadFromDomainController` (Get-* cmdlets).
pub fn read_from_domain_controller() -> Param {
    Param::new("ReadFromDomainController", ParamType::Switch)
        .help("Reads from a domain controller in the user's domain.")
}

/// `-Credential <PSCredential>` (Get-* cmdlets).
pub fn credential() -> Param {
    Param::new("Credential", ParamType::Object)
        .type_display("PSCredential")
        .help("Runs the command under other credentials.")
}

/// `-ResultSize <Unlimited>` (Get-* cmdlets; read by [`super::limit_results`]).
pub fn result_size() -> Param {
    Param::new("ResultSize", ParamType::Unlimited)
        .help("Maximum number of results (default 1000; Unlimited returns all).")
}

/// `-InheritanceType <ActiveDirectorySecurityInheritance>` (*-MailboxPermission, *-ADPermission).
pub fn inheritance_type() -> Param {
    Param::new("InheritanceType", ParamType::Enum(&INHERITANCE))
        .help("None, All (default), Children, Descendents or SelfAndChildren.")
}

/// `[-Identity] <MailboxIdParameter>` of the mailbox cmdlets: positional, from the pipeline by
/// value and by name; the caller says where it is mandatory.
pub fn mailbox_identity(kind: IdentityKind) -> Param {
    Param::new("Identity", ParamType::Identity(kind))
        .position(0)
        .from_pipeline()
        .from_pipeline_by_name()
        .help("The mailbox: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN.")
}
