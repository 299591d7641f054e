# Set and Remove for a user with no entry, and Get -User with no entry.
Set-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Reviewer
Remove-MailboxFolderPermission -Identity karen:\Calendar -User amy -Confirm:$false
Get-MailboxFolderPermission -Identity karen:\Calendar -User amy
