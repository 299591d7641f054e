# exchange: Exchange2010
# Get-Help shows the parameters the org's version has: Exchange 2010's Get-MailboxDatabase has
# -IncludePreExchange2010, not the later -IncludePreExchange2013 and -IncludeCorrupted.
Get-Help Get-MailboxDatabase
Get-Help Remove-Mailbox -Parameter Force
