# -User with no ACE: no output and no error, so the if idiom works.
if (Get-MailboxPermission karen -User michelle) { 'has access' } else { 'no access' }
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
if (Get-MailboxPermission karen -User michelle) { 'has access' } else { 'no access' }
