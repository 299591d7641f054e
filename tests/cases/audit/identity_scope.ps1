# -Identity keeps the findings about one mailbox, and the delegation loops it is part of.
. .\lib\findings.ps1
"--- karen"
Get-PermissionAudit -Identity karen | Format-Table Kind, Object, Trustee -AutoSize
"--- michelle (in the loop with Karen)"
Get-PermissionAudit -Identity michelle | Format-Table Kind, Object, Trustee -AutoSize
"--- from the pipeline"
Get-Mailbox amy | Get-PermissionAudit | Format-Table Kind, Object, Trustee -AutoSize
"--- Help Desk, SendAs only"
Get-PermissionAudit -Identity 'Help Desk' -Kind SendAs | Format-Table Kind, Object, Trustee -AutoSize
"--- kim: nothing"
@(Get-PermissionAudit -Identity kim).Count
