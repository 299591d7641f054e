# exchange: Online
# The Exchange Online error layout for an unknown identity.
Get-MailboxPermission ghost
Add-MailboxFolderPermission -Identity karen:\Calendar -User nobody -AccessRights Reviewer
