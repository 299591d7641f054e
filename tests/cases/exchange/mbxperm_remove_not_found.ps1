# Remove-MailboxPermission on an unknown identity fails before any prompt.
Remove-MailboxPermission -Identity ghost -User michelle -AccessRights FullAccess -Confirm:$false
