# Set with the rights the entry already has: the no-change warning names the folder identity.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Set-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
Set-MailboxFolderPermission -Identity karen:\Calendar -User Default -AccessRights Reviewer
Get-MailboxFolderPermission karen:\Calendar
