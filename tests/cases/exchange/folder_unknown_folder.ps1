# A folder path that does not exist in the mailbox, and a mailbox that does not exist.
Get-MailboxFolderPermission karen:\Nope
Add-MailboxFolderPermission -Identity karen:\Inbox\Nope -User michelle -AccessRights Reviewer
Get-MailboxFolderPermission ghost:\Calendar
