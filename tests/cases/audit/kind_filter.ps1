# -Kind keeps the named kinds (a ValidateSet, case-insensitive, one or several, positional).
. .\lib\findings.ps1
Get-PermissionAudit | Format-Table Kind, Object, Trustee -AutoSize
"--- -Kind SendAs"
Get-PermissionAudit -Kind SendAs | Format-Table Kind, Object, Trustee -AutoSize
"--- -Kind orphanedentry, DelegationLoop"
Get-PermissionAudit -Kind orphanedentry, DelegationLoop | Format-Table Kind, Object, Trustee -AutoSize
"--- positional"
Get-PermissionAudit DepartedDelegate | Format-Table Kind, Object, Trustee -AutoSize
Get-PermissionAudit | Group-Object Kind | Format-Table Count, Name -AutoSize
