# Granting the same right twice: the warning names the mailbox DN and the account, and the row is still written.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
$?
