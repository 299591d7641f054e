# exchange: Exchange2010
# A new Exchange 2010 org is at the last update, SP3 Update Rollup 32.
(Get-ExchangeServer).AdminDisplayVersion
