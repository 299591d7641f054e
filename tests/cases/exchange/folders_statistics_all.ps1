# Every folder of a mailbox with its type, path and size (the sample's fixed counts).
Get-MailboxFolderStatistics karen | Format-Table Name,FolderPath,FolderType,ItemsInFolder,FolderSize -AutoSize
Get-MailboxFolderStatistics -Identity karen@contoso.com -FolderScope Inbox | Format-List Name,FolderPath,ContainerClass,ItemsInFolder,ItemsInFolderAndSubfolders,FolderAndSubfolderSize,Identity
