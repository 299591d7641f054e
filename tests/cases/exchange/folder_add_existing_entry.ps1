# Adding a second entry for the same user fails with the "existing permission entry" error (display name).
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer | Out-Null
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
Add-MailboxFolderPermission -Identity karen:\Calendar -User Default -AccessRights Reviewer
