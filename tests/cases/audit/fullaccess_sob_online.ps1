# exchange: Online
Set-Mailbox karen -GrantSendOnBehalfTo michelle
Add-MailboxFolderPermission 'karen:\Calendar' -User michelle -AccessRights Editor | Out-Null
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Get-PermissionAudit | Format-List Kind, Detail, Fix
