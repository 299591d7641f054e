# exchange: Exchange2010
# Exchange 2010 prints folder permissions as a list, Identity being the user.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
Get-MailboxFolderPermission karen:\Calendar
