# exchange: Online
# The Get-EXO* cmdlets belong to the ExchangeOnlineManagement module, so they stay after
# Disconnect-ExchangeOnline, but stop with the module's text until the next Connect-ExchangeOnline.
Disconnect-ExchangeOnline -Confirm:$false
(Get-Command Get-EXOMailbox).Source
Get-EXOMailbox karen
Connect-ExchangeOnline -ShowBanner:$false
(Get-EXOMailbox karen).DisplayName
