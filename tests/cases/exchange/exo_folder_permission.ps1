# exchange: Online
# Get-EXOMailboxFolderPermission over the same folder entries as Get-MailboxFolderPermission.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate | Out-Null
Get-EXOMailboxFolderPermission -Identity karen@contoso.com:\Calendar | Format-Table FolderName,User,AccessRights,SharingPermissionFlags -AutoSize
Get-EXOMailboxFolderPermission -Identity karen:\Calendar -User michelle | Format-List Identity,FolderName,User,AccessRights
Get-EXOMailboxFolderPermission -Identity karen:\Calendar -User amy
Get-EXOMailboxFolderPermission -Identity karen:\Nowhere
