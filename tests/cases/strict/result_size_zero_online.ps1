# exchange: Online
# The same checks in Exchange Online (V3 layout).
Get-Mailbox -ResultSize 0
Get-Mailbox -ResultSize -5
