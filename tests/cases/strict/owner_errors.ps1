# -Owner must be a security principal; -WhatIf changes nothing; an unknown mailbox fails first.
Add-MailboxPermission -Identity room1 -Owner allstaff
Add-MailboxPermission -Identity room1 -Owner kim -WhatIf
Add-ADPermission -Identity 'Conference Room 1' -Owner partner
Add-MailboxPermission -Identity ghost -Owner kim
Get-MailboxPermission room1 -Owner | Format-List Owner
