# What an EMS session shows to scripts that probe it: implicit remoting's temporary module,
# the core snap-in (and the Exchange snap-in once a script adds it), no Exchange Online module,
# and no Get-ConnectionInformation (it belongs to ExchangeOnlineManagement).
Get-Module | Format-Table ModuleType, Version, Name
Get-PSSnapin
if (-not (Get-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn -ErrorAction SilentlyContinue)) {
    Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn
}
Get-PSSnapin | Select-Object -ExpandProperty Name
Get-PSSnapin -Registered | Select-Object -ExpandProperty Name
Get-PSSnapin Nothing.Like.This
"listed: $(@(Get-Module -ListAvailable ExchangeOnlineManagement).Count)"
Get-ConnectionInformation
