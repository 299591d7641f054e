# A name already in use, a parent folder or mailbox that does not exist, and -WhatIf.
New-MailboxFolder -Parent karen:\Inbox -Name Projects
New-MailboxFolder -Parent karen:\Nope -Name X
New-MailboxFolder -Parent ghost:\Inbox -Name X
New-MailboxFolder -Parent karen:\Inbox -Name Later -WhatIf
Get-MailboxFolder karen:\Inbox\Later
Get-MailboxFolder :\ -GetChildren -MailFolderOnly | Select-Object Name
