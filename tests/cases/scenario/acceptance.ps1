# The issue's acceptance scenario, as one script (one Out-Default for the whole run).
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -InheritanceType All
Add-ADPermission -Identity "Karen Berg" -User CONTOSO\michelle -ExtendedRights "Send As"
Set-Mailbox karen -GrantSendOnBehalfTo amy
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' }
Get-ADPermission "Karen Berg" | ? { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited }
Get-Mailbox karen | Format-List Name,GrantSendOnBehalfTo
Get-MailboxFolderPermission karen:\Calendar
