# exchange: Online
# Get-EXOMailboxStatistics (minimum set) and Get-EXOMailboxFolderStatistics over the mailbox's
# folders, with the same counts and sizes Get-MailboxStatistics/Get-MailboxFolderStatistics report.
Get-EXOMailboxStatistics -Identity karen
Get-EXOMailboxStatistics -Identity karen -Properties LastLogonTime,MailboxTypeDetail | Format-List DisplayName,ItemCount,LastLogonTime,MailboxTypeDetail
Get-EXOMailbox -Identity karen | Get-EXOMailboxFolderStatistics -FolderScope Inbox | Format-Table Identity,ItemsInFolderAndSubfolders,FolderAndSubfolderSize -AutoSize
(Get-EXOMailboxFolderStatistics -Identity karen).Count
Get-EXOMailboxStatistics -Identity karen -Archive
Get-EXOMailboxFolderStatistics -Identity karen -Archive
Get-EXOMailboxStatistics -ExchangeGuid 00000000-0000-0000-0000-000000000001
