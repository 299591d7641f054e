# Individual rights that match a role print as the role; others print as the list of rights.
Add-MailboxFolderPermission -Identity karen:\Inbox -User michelle -AccessRights ReadItems,FolderVisible
Add-MailboxFolderPermission -Identity karen:\Inbox -User amy -AccessRights ReadItems,CreateItems
