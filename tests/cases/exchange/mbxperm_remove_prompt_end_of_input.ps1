# End of input at the prompt: the command does not run.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
(Get-MailboxPermission karen -User michelle).Count
