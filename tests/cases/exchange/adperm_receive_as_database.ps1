# Receive-As on a database (the migration idiom) shows up as an inherited mailbox permission on its mailboxes.
Add-ADPermission -Identity DB02 -User michelle -ExtendedRights Receive-As
Get-MailboxPermission john -User michelle
Get-MailboxPermission karen -User michelle
'karen is on DB01: nothing'
