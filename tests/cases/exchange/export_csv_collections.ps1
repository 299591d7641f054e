# Remote objects arrive deserialized: collection properties are ArrayLists, which is what
# Export-Csv writes for AccessRights unless the script joins them.
Add-MailboxPermission karen -User amy -AccessRights FullAccess | Out-Null
Get-MailboxPermission karen -User amy | Select-Object User, AccessRights | ConvertTo-Csv -NoTypeInformation
Get-MailboxPermission karen -User amy | Select-Object User, @{n = 'AccessRights'; e = { $_.AccessRights -join ',' } } | ConvertTo-Csv -NoTypeInformation
(Get-MailboxPermission karen -User amy).AccessRights.GetType().FullName
