# -WhatIf on every folder cmdlet; nothing changes.
Add-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Reviewer | Out-Null
Add-MailboxFolderPermission -Identity karen:\calendar -User michelle -AccessRights Reviewer -WhatIf
Set-MailboxFolderPermission -Identity karen:\Calendar -User Default -AccessRights Reviewer -WhatIf
Remove-MailboxFolderPermission -Identity karen:\Calendar -User amy -WhatIf
Get-MailboxFolderPermission karen:\Calendar
