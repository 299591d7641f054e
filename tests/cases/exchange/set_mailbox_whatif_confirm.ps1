# stdin: n
# -WhatIf prints "Setting mailbox" as typed; -Confirm answered N changes nothing either.
Set-Mailbox karen -GrantSendOnBehalfTo amy -WhatIf
Set-Mailbox -Identity karen -GrantSendOnBehalfTo amy -Confirm
Get-Mailbox karen | Format-List GrantSendOnBehalfTo
