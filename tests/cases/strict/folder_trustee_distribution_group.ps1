# Folder permissions: a distribution group named by name is found but can't hold permissions; by its SMTP address it is no valid external user either. A security group works.
Add-MailboxFolderPermission -Identity karen:\Calendar -User allstaff -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User allstaff@contoso.com -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User helpdeskagents -AccessRights Reviewer
