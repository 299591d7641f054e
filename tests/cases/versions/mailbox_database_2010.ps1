# exchange: Exchange2010
# Exchange 2010's Get-MailboxDatabase has -IncludePreExchange2010; -IncludePreExchange2013
# and -IncludeCorrupted came with later versions (doc: Get-MailboxDatabase).
Get-MailboxDatabase -IncludePreExchange2010 | Select-Object -ExpandProperty Name
Get-MailboxDatabase -IncludePreExchange2013
Get-MailboxDatabase -IncludeCorrupted
