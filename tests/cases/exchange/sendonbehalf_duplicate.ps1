# The same recipient twice in the replace form is an error; in @{Add} an existing value is silently kept.
Set-Mailbox karen -GrantSendOnBehalfTo amy,amy
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox karen -GrantSendOnBehalfTo @{Add='amy'}
Set-Mailbox karen -GrantSendOnBehalfTo @{Remove='john'}
