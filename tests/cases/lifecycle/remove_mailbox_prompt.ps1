# stdin: n
# Remove-Mailbox asks by default (ConfirmImpact High); N keeps the mailbox; -WhatIf describes -Permanent.
Remove-Mailbox john
Remove-Mailbox -Identity john -Permanent $true -WhatIf
(Get-Mailbox john).Name
