# The admin idiom: try Add-MailboxFolderPermission, on "existing entry" fall back to Set.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer | Out-Null
try {
    Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -ErrorAction Stop
} catch {
    "add failed: $($_.Exception.Message)"
    Set-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
}
Get-MailboxFolderPermission karen:\Calendar -User michelle
