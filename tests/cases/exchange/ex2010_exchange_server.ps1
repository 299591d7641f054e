# exchange: Exchange2010
# Exchange 2010 SP3 reports version 14.3 and its roles; Get-ExchangeServer exists in every
# on-premises profile and not in Exchange Online.
Get-ExchangeServer | Format-List Name,ServerRole,AdminDisplayVersion,ExchangeVersion
