//! The spellings of the directory's enums and flag bits in the org file, shared by the DTO
//! conversions (`schema`) and the direct writer (`writer`), which both depend on this module and
//! not on each other: the schema version, `ActiveDirectorySecurityInheritance` and
//! `SharingPermissionFlags` names, and how rights bits become names.

use std::borrow::Cow;

use crate::directory::Inheritance;
use crate::directory::rights;

/// The schema version this exsh writes and reads.
pub const SCHEMA_VERSION: u64 = 1;

/// `SharingPermissionFlags` names and bits (Exchange Online calendar delegates).
pub(super) const SHARING_FLAGS: &[(&str, u64)] = rights::sharing::FLAGS;

/// An `ActiveDirectorySecurityInheritance` value's name.
pub(super) fn inheritance_name(i: Inheritance) -> &'static str {
    i.name()
}

/// Names for flag bits, the way .NET's `[Flags]` `ToString` picks them: members taken from the
/// largest value down whenever all their bits are still unclaimed, then listed in ascending value
/// order. Bits no member covers are written as one hex number (`0x8`), so nothing is lost.
pub fn flag_names(bits: u64, members: &'static [(&'static str, u64)]) -> Vec<String> {
    flag_name_list(bits, members).into_iter().map(Cow::into_owned).collect()
}

/// [`flag_names`] without copying the names.
pub(super) fn flag_name_list(bits: u64, members: &'static [(&'static str, u64)]) -> Vec<Cow<'static, str>> {
    let mut taken: Vec<(&'static str, u64)> = Vec::new();
    let mut remaining = bits;
    // Largest value first; ties keep the table order.
    let mut order: Vec<&(&'static str, u64)> = members.iter().filter(|(_, v)| *v != 0).collect();
    order.sort_by_key(|m| std::cmp::Reverse(m.1));
    for (n, v) in order {
        if remaining & v == *v {
            remaining &= !v;
            taken.push((n, *v));
        }
    }
    taken.sort_by_key(|(_, v)| *v);
    let mut names: Vec<Cow<'static, str>> = taken.into_iter().map(|(n, _)| Cow::Borrowed(n)).collect();
    if remaining != 0 {
        names.push(Cow::Owned(format!("{remaining:#x}")));
    }
    names
}

/// Folder rights as names: one role when the bits are exactly a role, else the individual rights
/// plus, for calendar free/busy bits, the role they form (`AvailabilityOnly`, `LimitedDetails`).
pub fn folder_right_names(bits: u64) -> Vec<String> {
    folder_right_name_list(bits).into_iter().map(Cow::into_owned).collect()
}

/// [`folder_right_names`] without copying the names.
pub(super) fn folder_right_name_list(bits: u64) -> Vec<Cow<'static, str>> {
    if let Some((n, _)) = rights::folder::ROLES.iter().find(|(_, v)| *v == bits) {
        return vec![Cow::Borrowed(*n)];
    }
    let mut remaining = bits;
    let mut names = Vec::new();
    for (n, v) in rights::folder::RIGHTS {
        if remaining & v == *v {
            remaining &= !v;
            names.push(Cow::Borrowed(*n));
        }
    }
    if remaining != 0 {
        match rights::folder::ROLES.iter().find(|(_, v)| *v == remaining) {
            Some((n, _)) => names.push(Cow::Borrowed(*n)),
            None => names.push(Cow::Owned(format!("{remaining:#x}"))),
        }
    }
    names
}
