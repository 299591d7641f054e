# A misspelt role fails in binding.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviwer
