# exchange: Exchange2013
# Exchange 2013 replaced -IncludePreExchange2010 with -IncludePreExchange2013; -IncludeCorrupted
# is 2016 and later (doc: Get-MailboxDatabase).
Get-MailboxDatabase -IncludePreExchange2013 | Select-Object -ExpandProperty Name
Get-MailboxDatabase -IncludePreExchange2010
Get-MailboxDatabase -IncludeCorrupted
