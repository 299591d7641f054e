# A module folder with a .psd1 manifest: RootModule, NestedModules, FunctionsToExport, ModuleVersion.
Import-Module .\lib\Reports
Get-Module Reports
$m = Get-Module Reports
$m.Name
"$($m.Version)"
$m.ModuleType
$m.Description
$m.NestedModules
Get-MailboxReport -Names alpha, beta
(Get-Command Get-MailboxReport).Source
[bool](Get-Command Get-Hidden -ErrorAction SilentlyContinue)
