# Outlook's delegate: Send on Behalf plus Editor on the Calendar (and Tasks), seed 003.
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Test-MailboxAccess karen -User michelle | Format-List IsDelegate,FolderRights,Explanation
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Add-MailboxFolderPermission -Identity karen:\Tasks -User michelle -AccessRights Editor | Out-Null
Test-MailboxAccess karen -User michelle
# Editor on the Calendar without Send on Behalf is not a delegate either.
Add-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Editor | Out-Null
Add-MailboxFolderPermission -Identity karen:\Inbox -User amy -AccessRights Reviewer | Out-Null
Test-MailboxAccess karen -User amy | Format-List IsDelegate,FolderRights,From,Explanation
Get-MailboxAccess karen | Format-List
