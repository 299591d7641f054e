# A removed user leaves its SID behind in mailbox, AD, database and folder permissions
# (behavior.md §1.1 "Orphaned entries"); GrantSendOnBehalfTo drops it with the object.
$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force
New-Mailbox -Name 'Ben Smith' -Alias ben -UserPrincipalName ben@contoso.com -Password $pw | Out-Null
Add-MailboxPermission karen -User ben -AccessRights FullAccess | Out-Null
Add-ADPermission 'Karen Berg' -User ben -ExtendedRights 'Send As' | Out-Null
Add-MailboxFolderPermission 'karen:\Inbox\Projects' -User ben -AccessRights Reviewer | Out-Null
Add-ADPermission DB01 -User ben -ExtendedRights Receive-As | Out-Null
Set-Mailbox karen -GrantSendOnBehalfTo ben
Remove-Mailbox ben -Confirm:$false
Get-PermissionAudit
Get-PermissionAudit | Format-List
(Get-Mailbox karen).GrantSendOnBehalfTo.Count
