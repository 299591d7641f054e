# Receive-As on a database opens every mailbox in it (the migration idiom, Practical365).
Get-MailboxDatabase DB02 | Add-ADPermission -User michelle -ExtendedRights Receive-As | Out-Null
Get-MailboxAccess -User michelle
Test-MailboxAccess john -User michelle
Test-MailboxAccess karen -User michelle | Format-List CanOpen,Explanation
# An explicit Deny on the mailbox beats the database grant.
Add-MailboxPermission -Identity kim -User michelle -AccessRights FullAccess -Deny | Out-Null
Test-MailboxAccess kim -User michelle | Format-List CanOpen,Explanation
