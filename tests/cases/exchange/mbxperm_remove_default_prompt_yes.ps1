# stdin: y
# Remove-MailboxPermission prompts by default (ConfirmImpact High); Y removes and writes nothing.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
Get-MailboxPermission karen -User michelle
'gone'
