# -Confirm:$false skips the default prompt of Remove-MailboxPermission.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -Confirm:$false
'removed without asking'
