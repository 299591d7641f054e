# cwd: temp
# org: orgs/delegations.json
# Change request CR-1182: Michelle moves to another team, Amy takes over Karen's calendar.
$tool = "$PSScriptRoot\delegation-manager.ps1"
& $tool -Action Show -Mailbox karen
& $tool -Action Revoke -Mailbox karen -Delegate michelle -Permission Calendar
& $tool -Action Grant -Mailbox karen -Delegate amy -Permission Calendar
& $tool -Action Revoke -Mailbox karen -Delegate david -Permission SendOnBehalf
Get-MailboxFolderPermission karen:\Calendar | Select-Object User, AccessRights
