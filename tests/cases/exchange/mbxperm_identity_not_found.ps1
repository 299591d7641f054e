# Add-MailboxPermission on a mailbox that does not exist: the not-found error names the identity as typed and the DC.
Add-MailboxPermission -Identity nosuchuser -User michelle -AccessRights FullAccess
'after'
