# A mailbox that does not exist, a recipient that is no mailbox, and a -FolderScope that is no ElcFolderType.
Get-MailboxFolderStatistics ghost
Get-MailboxFolderStatistics allstaff -FolderScope Calendar
Get-MailboxFolderStatistics karen -FolderScope Kalender
