# AccessRights holds one flags value: -eq 'FullAccess' matches nothing on SELF's combined rights, -like does.
$self = Get-MailboxPermission karen -User 'NT AUTHORITY\SELF'
[bool]($self.AccessRights -eq 'FullAccess')
[bool]($self.AccessRights -like '*FullAccess*')
"$($self.AccessRights)"
(Get-MailboxPermission karen | Where-Object { $_.AccessRights -like '*FullAccess*' -and -not $_.Deny }).Count
