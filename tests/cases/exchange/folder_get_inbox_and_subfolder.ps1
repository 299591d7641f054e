# Default entries of Inbox and of Karen's Inbox\Projects subfolder; folder path as typed in lower case.
Get-MailboxFolderPermission karen:\Inbox
Get-MailboxFolderPermission karen:\inbox\Projects
