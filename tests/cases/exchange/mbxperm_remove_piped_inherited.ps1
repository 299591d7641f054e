# Piping an inherited row into Remove-MailboxPermission: the "has been provided and was ignored" warning.
Get-MailboxPermission karen -User 'NT AUTHORITY\SYSTEM' | Remove-MailboxPermission -Confirm:$false
