# exchange: Online
# The ExchangeOnlineManagement 3 module talks REST: Connect-ExchangeOnline opens no PSSession.
$null -eq (Get-PSSession)
