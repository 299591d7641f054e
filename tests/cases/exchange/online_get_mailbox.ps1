# exchange: Online
# Exchange Online's Get-Mailbox table.
Get-Mailbox karen
Get-Mailbox amy
Get-Mailbox karen | Format-List Name,GrantSendOnBehalfTo
