# -User that matches nobody.
Add-MailboxFolderPermission -Identity karen:\Calendar -User nobody -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User nobody@fabrikam.com -AccessRights Reviewer
