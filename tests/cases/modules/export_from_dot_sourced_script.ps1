# Export-ModuleMember in a dot-sourced .ps1 (no module): a terminating error, the function stays.
. .\lib\exporter.ps1
Get-FromScript
