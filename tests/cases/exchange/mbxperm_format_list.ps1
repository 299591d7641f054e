# Format-List of a mailbox ACE.
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Get-MailboxPermission karen -User michelle | Format-List
