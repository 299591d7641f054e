# -WarningVariable captures the duplicate-ACE warning (a real script idiom); -WarningAction SilentlyContinue hides it.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -WarningVariable w -WarningAction SilentlyContinue | Out-Null
if ($w -like '*appropriate access control entry is already present*') { 'already granted' }
