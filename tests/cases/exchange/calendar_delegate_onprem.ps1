# On-premises Exchange has no SharingPermissionFlags parameter (Exchange Online only).
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Format-Table
