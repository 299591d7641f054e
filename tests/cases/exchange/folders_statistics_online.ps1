# exchange: Online
# In Exchange Online the Identity starts with the mailbox's name; -ResultSize limits the folders.
Get-MailboxFolderStatistics karen -FolderScope Calendar | Format-List Name,FolderPath,FolderType,Identity
Get-MailboxFolderStatistics karen -ResultSize 2 | Select-Object Name
