# stdin: y|l
# Y for the first object, then L (No to All) skips the rest.
'amy', 'john', 'kim' | ForEach-Object { Add-MailboxPermission -Identity karen -User $_ -AccessRights FullAccess } | Out-Null
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -like 'CONTOSO\*' } | Remove-MailboxPermission
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited } | ForEach-Object { "$($_.User)" }
