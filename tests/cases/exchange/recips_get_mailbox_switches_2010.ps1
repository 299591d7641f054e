# exchange: Exchange2010
# Exchange 2010 has -Arbitration but not -PublicFolder (2013 and later).
Get-Mailbox -Arbitration
Get-Mailbox -PublicFolder
