# -WhatIf prints New-Mailbox's What if line for each kind of mailbox and creates nothing.
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Ben Smith" -UserPrincipalName ben@contoso.com -Password $pw -WhatIf
New-Mailbox -Name "Sales Department" -Shared -WhatIf
New-Mailbox -Name "Conference Room 2" -Alias confroom2 -Room -WhatIf
New-Mailbox -Name "Van 1" -Equipment -WhatIf
(Get-Mailbox).Count
