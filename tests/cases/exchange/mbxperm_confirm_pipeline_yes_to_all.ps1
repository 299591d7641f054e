# stdin: a
# A (Yes to All) covers the remaining objects of the same Remove invocation.
'amy', 'john', 'kim' | ForEach-Object { Add-MailboxPermission -Identity karen -User $_ -AccessRights FullAccess } | Out-Null
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -like 'CONTOSO\*' } | Remove-MailboxPermission
(Get-MailboxPermission karen | Where-Object { -not $_.IsInherited }).Count
