# -FolderScope picks a well-known folder and its subfolders; scopes the mailbox has no folder for return nothing.
(Get-MailboxFolderStatistics room1 -FolderScope Calendar).Name
(Get-MailboxFolderStatistics karen -FolderScope Inbox).FolderPath
(Get-MailboxFolderStatistics karen -FolderScope SentItems).FolderType
@(Get-MailboxFolderStatistics karen -FolderScope RecoverableItems).Count
@(Get-MailboxFolderStatistics karen -FolderScope All).Count
# Scripts turn FolderPath into a folder identity.
Get-MailboxFolderStatistics karen -FolderScope Inbox | ForEach-Object { "karen:" + $_.FolderPath.Replace("/", "\") }
