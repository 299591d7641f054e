# exchange: Exchange2019
# Exchange 2016 and 2019 have -IncludeCorrupted and -IncludePreExchange2013, not
# -IncludePreExchange2010 (doc: Get-MailboxDatabase).
Get-MailboxDatabase -IncludeCorrupted -IncludePreExchange2013 | Select-Object -ExpandProperty Name
Get-MailboxDatabase -IncludePreExchange2010
