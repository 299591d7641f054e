# Removing an ACE that does not exist warns and writes nothing.
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -Confirm:$false
$?
