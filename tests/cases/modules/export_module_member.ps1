# Export-ModuleMember: wildcards, a variable; the helper stays inside the module.
Import-Module .\lib\exported.psm1
Get-Report
Get-Report
Get-ReportCount
"ReportPath: $ReportPath"
"Secret: [$Secret]"
Add-Call
