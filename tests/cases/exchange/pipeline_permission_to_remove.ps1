# Rows from Get-MailboxPermission pipe into Remove-MailboxPermission (Identity, User, AccessRights by property name).
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Add-MailboxPermission karen -User amy -AccessRights ReadPermission | Out-Null
Get-MailboxPermission karen | Where-Object { $_.User -like 'CONTOSO\*' -and -not $_.IsInherited } | Remove-MailboxPermission -Confirm:$false
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited }
