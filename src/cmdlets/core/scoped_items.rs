//! What the variable and alias cmdlets share: both kinds are scoped session items with the same
//! `-Scope` and `-Option` (`ScopedItemOptions`) parameters, option texts and error records.

use crate::cmdlet::variable_options::{ALL_SCOPE, CONSTANT, PRIVATE, READ_ONLY};
use crate::cmdlet::{BoundArgs, CmdletError, Param, ParamType};
use crate::value::ErrorRecord;

pub(super) const SCOPE: &str = "Scope";
pub(super) const OPTION: &str = "Option";

/// `-Option`'s values (`ScopedItemOptions`).
pub(super) const OPTION_NAMES: &[&str] = &["None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"];

const OPTIONS: [(u32, &str); 4] =
    [(READ_ONLY, "ReadOnly"), (CONSTANT, "Constant"), (PRIVATE, "Private"), (ALL_SCOPE, "AllScope")];

/// An error record about the item `name` (its target is `name:String`).
pub(super) fn record(message: String, exception: &str, category: &str, name: &str, fqid: &str) -> CmdletError {
    CmdletError::Record(Box::new(ErrorRecord {
        message,
        exception_type: exception.into(),
        category: category.into(),
        target: format!("{name}:String"),
        fqid: fqid.into(),
        ..Default::default()
    }))
}

/// A `-Scope` that names no scope.
pub(super) fn scope_error(message: String) -> CmdletError {
    CmdletError::core(message, "System.Management.Automation.PSArgumentException", "InvalidArgument", "Argument")
}

/// The option bits an `-Option` argument names (`ReadOnly`, `'ReadOnly, AllScope'`); `None`
/// without the parameter.
pub(super) fn option_bits(args: &BoundArgs) -> Option<u32> {
    let names: Vec<String> = args.opt::<Vec<String>>(OPTION)?;
    let bits = names
        .iter()
        .flat_map(|n| n.split(',').map(|s| s.trim().to_ascii_lowercase()).collect::<Vec<_>>())
        .filter_map(|n| OPTIONS.iter().find(|(_, name)| name.eq_ignore_ascii_case(&n)).map(|(b, _)| *b))
        .fold(0, |a, b| a | b);
    Some(bits)
}

/// `ScopedItemOptions` as .NET prints them (`ReadOnly, AllScope`; `None`).
pub fn option_text(bits: u32) -> String {
    let names: Vec<&str> = OPTIONS.iter().filter(|(b, _)| bits & b != 0).map(|(_, n)| *n).collect();
    if names.is_empty() { "None".into() } else { names.join(", ") }
}

pub(super) fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// `-Scope`.
pub(super) fn scope_param() -> Param {
    Param::new(SCOPE, ParamType::String).help("Global, Script, Local, Private, or a scope number.")
}
