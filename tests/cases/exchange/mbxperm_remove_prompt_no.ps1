# stdin: n
# Answering N keeps the grant.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
(Get-MailboxPermission karen -User michelle).Count
