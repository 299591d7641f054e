# Acceptance step 8: the calendar's default entries, then Michelle's Editor entry by display name.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Get-MailboxFolderPermission karen:\Calendar
