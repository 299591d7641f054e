# exchange: Exchange2010
# Exchange 2010: the same folder statistics, the 2010 error layout, and the report's folder lookup.
Get-MailboxFolderStatistics john -FolderScope Calendar | Format-List Name,FolderPath,FolderType,ItemsInFolder,FolderSize
$cal = Get-MailboxFolderStatistics john -FolderScope Calendar
Get-MailboxFolderPermission "john:\$($cal.Name)"
Get-MailboxFolderStatistics ghost
New-MailboxFolder -Parent john:\ -Name Inbox
New-MailboxFolder -Parent john:\Inbox -Name Reports | Format-Table
