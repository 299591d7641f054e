# -User that resolves to no principal: InvalidData, and nothing is written.
Add-MailboxPermission -Identity karen -User nobody -AccessRights FullAccess
Get-MailboxPermission karen -User michelle
'done'
