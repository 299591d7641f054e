# -WhatIf prints Exchange's confirmation text and creates nothing.
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress SMTP:chris@tailspintoys.com -WhatIf
Get-MailContact
