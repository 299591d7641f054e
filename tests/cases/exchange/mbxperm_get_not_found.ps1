# Get-MailboxPermission on an unknown identity.
Get-MailboxPermission 'No Such Mailbox'
