# exchange: Online
# A calendar found by its FolderId, whatever its name: "<mailbox>:<FolderId>".
$cal = Get-MailboxFolderStatistics -Identity amy -FolderScope Calendar | Where-Object { $_.FolderType -eq 'Calendar' }
Add-MailboxFolderPermission -Identity "amy:$($cal.FolderId)" -User john -AccessRights Reviewer | Format-Table FolderName, User, AccessRights
Get-MailboxFolderPermission -Identity "amy@contoso.com:$($cal.FolderId)" | Format-Table FolderName, User, AccessRights
Get-MailboxFolder -Identity "amy:$($cal.FolderId)" | Format-List Name, FolderPath
# Another mailbox's FolderId does not name a folder of this one.
Get-MailboxFolderPermission -Identity "karen:$($cal.FolderId)"
