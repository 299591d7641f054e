# Get-ExchangeServer on Exchange 2019: EX01 as a table (the columns an EMS transcript shows),
# the build (Format-List Name,Edition,AdminDisplayVersion, as Microsoft's build-number page
# tells admins to run), a lookup by FQDN, a wildcard that matches nothing, and a server that
# does not exist.
Get-ExchangeServer
Get-ExchangeServer | Format-List Name,Edition,AdminDisplayVersion
(Get-ExchangeServer ex01.contoso.com).ExchangeVersion
Get-ExchangeServer EX9*
Get-ExchangeServer EX02
