# Folder permissions: a distribution group or a mail contact named by name is found but can't hold permissions; by its SMTP address it is no valid external user either. A security group works.
Add-MailboxFolderPermission -Identity karen:\Calendar -User allstaff -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User allstaff@contoso.com -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User helpdeskagents -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Inbox -User partner -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Inbox -User partner@fabrikam.com -AccessRights Reviewer
Get-MailboxFolderPermission -Identity karen:\Inbox
