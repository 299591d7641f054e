# stdin: y
# Remove-MailboxFolderPermission prompts by default; Y removes the entry (and writes nothing).
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Remove-MailboxFolderPermission -Identity karen:\Calendar -User michelle
Get-MailboxFolderPermission karen:\Calendar
