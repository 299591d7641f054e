# The REST cmdlets come with the ExchangeOnlineManagement module: EMS on-premises has none.
Get-EXOMailbox karen
