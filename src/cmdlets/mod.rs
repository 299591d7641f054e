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

/// The aliases an Exchange admin types (PowerShell's built-in ones plus EMS's `list`/`table`).
pub const ALIASES: &[(&str, &str)] = &[
    ("?", "Where-Object"),
    ("where", "Where-Object"),
    ("%", "ForEach-Object"),
    ("foreach", "ForEach-Object"),
    ("select", "Select-Object"),
    ("sort", "Sort-Object"),
    ("group", "Group-Object"),
    ("measure", "Measure-Object"),
    ("ft", "Format-Table"),
    ("fl", "Format-List"),
    ("fw", "Format-Wide"),
    ("table", "Format-Table"),
    ("list", "Format-List"),
    ("echo", "Write-Output"),
    ("write", "Write-Output"),
    ("cls", "Clear-Host"),
    ("clear", "Clear-Host"),
    ("gcm", "Get-Command"),
    ("gm", "Get-Member"),
    ("help", "Get-Help"),
    ("ipcsv", "Import-Csv"),
    ("epcsv", "Export-Csv"),
    ("sleep", "Start-Sleep"),
    ("gv", "Get-Variable"),
    ("oh", "Out-Host"),
    ("gc", "Get-Content"),
    ("sls", "Select-String"),
    ("cat", "Get-Content"),
    ("type", "Get-Content"),
    ("sc", "Set-Content"),
    ("ac", "Add-Content"),
    ("del", "Remove-Item"),
    ("rm", "Remove-Item"),
    ("erase", "Remove-Item"),
    ("ri", "Remove-Item"),
    ("start", "Start-Process"),
    ("saps", "Start-Process"),
    ("iwr", "Invoke-WebRequest"),
    ("curl", "Invoke-WebRequest"),
    ("wget", "Invoke-WebRequest"),
    ("irm", "Invoke-RestMethod"),
    ("set", "Set-Variable"),
    ("sv", "Set-Variable"),
    ("nv", "New-Variable"),
    ("rv", "Remove-Variable"),
    ("clv", "Clear-Variable"),
    ("compare", "Compare-Object"),
    ("diff", "Compare-Object"),
    ("gu", "Get-Unique"),
    ("iex", "Invoke-Expression"),
    ("icm", "Invoke-Command"),
    ("tee", "Tee-Object"),
    ("ogv", "Out-GridView"),
    ("rmdir", "Remove-Item"),
    ("rd", "Remove-Item"),
    ("dir", "Get-ChildItem"),
    ("ls", "Get-ChildItem"),
    ("gci", "Get-ChildItem"),
    ("gi", "Get-Item"),
    ("ii", "Invoke-Item"),
    ("ni", "New-Item"),
    ("copy", "Copy-Item"),
    ("cp", "Copy-Item"),
    ("cpi", "Copy-Item"),
    ("move", "Move-Item"),
    ("mv", "Move-Item"),
    ("mi", "Move-Item"),
    ("ren", "Rename-Item"),
    ("rni", "Rename-Item"),
    ("gl", "Get-Location"),
    ("pwd", "Get-Location"),
    ("sl", "Set-Location"),
    ("cd", "Set-Location"),
    ("chdir", "Set-Location"),
    ("pushd", "Push-Location"),
    ("popd", "Pop-Location"),
    ("rvpa", "Resolve-Path"),
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
    for (a, t) in ALIASES {
        r.alias(a, t);
    }
    r
}
