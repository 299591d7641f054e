# Piped mailboxes bind Identity by property name; the values are ADObjectIds (Name, DistinguishedName, ToString).
Get-Mailbox -RecipientTypeDetails SharedMailbox | Set-Mailbox -GrantSendOnBehalfTo @{Add='kim'}
$d = (Get-Mailbox helpdesk).GrantSendOnBehalfTo
"$d"
$d.Name
$d.DistinguishedName
$d -like '*Kim*'
