# exchange: Online
# The delegate flags need the Editor role, a calendar folder, and Delegate for CanViewPrivateItems.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer -SharingPermissionFlags Delegate
Add-MailboxFolderPermission -Identity karen:\Inbox -User michelle -AccessRights Editor -SharingPermissionFlags Delegate
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags CanViewPrivateItems
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Boss
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer
Set-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer -SharingPermissionFlags None
Get-MailboxFolderPermission karen:\Calendar -User michelle
