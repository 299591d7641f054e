//! Cmdlet implementations: PowerShell core cmdlets and Exchange cmdlets, registered in one place.
//!
//! Invariant: cmdlets use only the contract in `crate::cmdlet` plus `directory` and `value`;
//! they never import `engine` or `store`.

pub mod core;
pub mod exchange;
pub mod exsh;
#[cfg(test)]
pub mod testing;

use crate::cmdlet::Registry;

use crate::cmdlet::variable_options::{ALL_SCOPE, READ_ONLY};

const RO_AS: u32 = READ_ONLY | ALL_SCOPE;
const AS: u32 = ALL_SCOPE;

/// The aliases an Exchange admin types (PowerShell's built-in ones plus EMS's `list`/`table`),
/// with 5.1's options (InitialSessionState.BuiltInAliases: most `ReadOnly, AllScope`, the
/// Unix- and cmd-style ones `AllScope`, `sls` none).
pub const ALIASES: &[(&str, &str, u32)] = &[
    ("?", "Where-Object", RO_AS),
    ("where", "Where-Object", RO_AS),
    ("%", "ForEach-Object", RO_AS),
    ("foreach", "ForEach-Object", RO_AS),
    ("select", "Select-Object", RO_AS),
    ("sort", "Sort-Object", RO_AS),
    ("group", "Group-Object", RO_AS),
    ("measure", "Measure-Object", RO_AS),
    ("ft", "Format-Table", RO_AS),
    ("fl", "Format-List", RO_AS),
    ("fw", "Format-Wide", RO_AS),
    ("table", "Format-Table", 0),
    ("list", "Format-List", 0),
    ("echo", "Write-Output", AS),
    ("write", "Write-Output", RO_AS),
    ("cls", "Clear-Host", AS),
    ("clear", "Clear-Host", AS),
    ("gcm", "Get-Command", RO_AS),
    ("gm", "Get-Member", RO_AS),
    ("help", "Get-Help", 0),
    ("ipcsv", "Import-Csv", RO_AS),
    ("epcsv", "Export-Csv", RO_AS),
    ("sleep", "Start-Sleep", RO_AS),
    ("gv", "Get-Variable", RO_AS),
    ("oh", "Out-Host", RO_AS),
    ("gc", "Get-Content", RO_AS),
    ("sls", "Select-String", 0),
    ("cat", "Get-Content", AS),
    ("type", "Get-Content", AS),
    ("sc", "Set-Content", RO_AS),
    ("ac", "Add-Content", RO_AS),
    ("del", "Remove-Item", AS),
    ("rm", "Remove-Item", AS),
    ("erase", "Remove-Item", AS),
    ("ri", "Remove-Item", RO_AS),
    ("start", "Start-Process", RO_AS),
    ("saps", "Start-Process", RO_AS),
    ("iwr", "Invoke-WebRequest", RO_AS),
    ("curl", "Invoke-WebRequest", AS),
    ("wget", "Invoke-WebRequest", AS),
    ("irm", "Invoke-RestMethod", RO_AS),
    ("set", "Set-Variable", AS),
    ("sv", "Set-Variable", RO_AS),
    ("nv", "New-Variable", RO_AS),
    ("rv", "Remove-Variable", RO_AS),
    ("clv", "Clear-Variable", RO_AS),
    ("compare", "Compare-Object", RO_AS),
    ("diff", "Compare-Object", RO_AS),
    ("gu", "Get-Unique", RO_AS),
    ("iex", "Invoke-Expression", RO_AS),
    ("icm", "Invoke-Command", AS),
    ("tee", "Tee-Object", RO_AS),
    ("ogv", "Out-GridView", RO_AS),
    ("rmdir", "Remove-Item", AS),
    ("rd", "Remove-Item", AS),
    ("dir", "Get-ChildItem", AS),
    ("ls", "Get-ChildItem", AS),
    ("gci", "Get-ChildItem", RO_AS),
    ("gi", "Get-Item", RO_AS),
    ("ii", "Invoke-Item", RO_AS),
    ("ni", "New-Item", RO_AS),
    ("copy", "Copy-Item", AS),
    ("cp", "Copy-Item", AS),
    ("cpi", "Copy-Item", RO_AS),
    ("move", "Move-Item", AS),
    ("mv", "Move-Item", AS),
    ("mi", "Move-Item", RO_AS),
    ("ren", "Rename-Item", AS),
    ("rni", "Rename-Item", RO_AS),
    ("gl", "Get-Location", RO_AS),
    ("pwd", "Get-Location", AS),
    ("sl", "Set-Location", RO_AS),
    ("cd", "Set-Location", AS),
    ("chdir", "Set-Location", AS),
    ("pushd", "Push-Location", AS),
    ("popd", "Pop-Location", AS),
    ("rvpa", "Resolve-Path", RO_AS),
    ("gal", "Get-Alias", RO_AS),
    ("sal", "Set-Alias", RO_AS),
    ("nal", "New-Alias", RO_AS),
    ("si", "Set-Item", RO_AS),
];

/// The full command table.
pub fn registry() -> Registry {
    let mut r = Registry::new();
    for c in core::all() {
        r.add(c);
    }
    for c in exchange::all() {
        r.add(c);
    }
    for c in exsh::all() {
        r.add(c);
    }
    for &(a, t, o) in ALIASES {
        r.alias_with_options(a, t, o);
    }
    r
}
