# Get-Mailbox output binds to Get-MailboxPermission -Identity; only explicit grants are kept.
Add-MailboxPermission helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Get-Mailbox -RecipientTypeDetails SharedMailbox,RoomMailbox | Get-MailboxPermission | Where-Object { -not $_.IsInherited } | Format-Table Identity,User,AccessRights -AutoSize
