# -ErrorAction SilentlyContinue hides the error, $? is false and $Error still records it.
Get-Mailbox ghost -ErrorAction SilentlyContinue
$?
$Error.Count
"$($Error[0])"
$r = Get-MailboxFolderPermission karen:\Calendar -User amy -ErrorAction SilentlyContinue
if (-not $r) { 'no entry for amy' }
