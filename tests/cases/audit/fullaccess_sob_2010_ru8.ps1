# exchange: Exchange2010
# update-level: SP3 RU8
# From Exchange 2010 SP3 RU8 the pair is no longer Send As (seed 000): no Send As finding.
Set-Mailbox karen -GrantSendOnBehalfTo michelle
Add-MailboxFolderPermission 'karen:\Calendar' -User michelle -AccessRights Editor | Out-Null
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Get-PermissionAudit | Format-List Kind, Via, Detail, Fix
