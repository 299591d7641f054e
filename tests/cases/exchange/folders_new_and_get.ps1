# New-MailboxFolder creates a subfolder that the folder cmdlets then see, and that is saved in the org file.
New-MailboxFolder -Parent karen:\Inbox -Name Personal | Format-Table
New-MailboxFolder -Name "2026" -Parent karen:\Inbox\Personal | Format-List Name,FolderPath,FolderClass,Identity
Get-MailboxFolder karen:\Inbox -GetChildren | Format-Table
Get-MailboxFolder karen:\Inbox -Recurse | Format-Table Name,HasSubfolders
Add-MailboxFolderPermission -Identity karen:\Inbox\Personal -User michelle -AccessRights Reviewer | Format-Table
(Get-MailboxFolderStatistics karen -FolderScope Inbox).FolderPath
