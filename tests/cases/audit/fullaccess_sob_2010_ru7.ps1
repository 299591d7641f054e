# exchange: Exchange2010
# update-level: SP3 RU7
# Seed 000: on Exchange 2010 before SP3 RU8, Full Access plus Send on Behalf lets the delegate
# send as the mailbox, even past an explicit Send As Deny. The pair is reported, and the Send As
# inventory lists it with that path.
Set-Mailbox karen -GrantSendOnBehalfTo michelle
Add-MailboxFolderPermission 'karen:\Calendar' -User michelle -AccessRights Editor | Out-Null
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Add-ADPermission 'Karen Berg' -User michelle -ExtendedRights 'Send As' -Deny | Out-Null
Get-PermissionAudit
Get-PermissionAudit | Format-List Kind, Via, Detail, Fix
