# exchange: Online
# Exchange Online: New-MailboxFolder and Get-MailboxFolder, with Online's identities and error layout.
New-MailboxFolder -Parent karen@contoso.com:\Inbox -Name Personal | Format-List Name,FolderPath,Identity
Get-MailboxFolder karen:\Inbox -Recurse | Format-Table
New-MailboxFolder -Parent karen:\Inbox -Name Personal
Get-MailboxFolder karen:\Archive
Get-MailboxStatistics room1 | Format-List DisplayName,ItemCount,TotalItemSize,ServerName
