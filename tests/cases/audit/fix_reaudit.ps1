# Running every finding's Fix makes the audit come back empty (Exchange 2019).
. .\lib\findings.ps1
Set-Mailbox kim -GrantSendOnBehalfTo amy
Add-MailboxFolderPermission 'karen:\Calendar' -User amy -AccessRights Editor | Out-Null
Add-MailboxFolderPermission 'karen:\Tasks' -User amy -AccessRights Editor | Out-Null
Add-ADPermission DB02 -User david -ExtendedRights Receive-As | Out-Null
Set-Mailbox david -Type Shared
Set-Mailbox david -Type Regular
$before = Get-PermissionAudit
$before | Format-Table Kind, Object, Trustee -AutoSize
. .\lib\fix_all.ps1
