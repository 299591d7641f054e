# -WhatIf on Add- and Remove-MailboxPermission prints the What if lines; a Get afterwards shows nothing changed.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess,ReadPermission -WhatIf
Remove-MailboxPermission -Identity karen -User 'NT AUTHORITY\SELF' -AccessRights FullAccess -WhatIf
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited }
