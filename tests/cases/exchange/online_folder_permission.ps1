# exchange: Online
# Exchange Online folder permissions add the SharingPermissionFlags column.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate
Get-MailboxFolderPermission karen:\Calendar
