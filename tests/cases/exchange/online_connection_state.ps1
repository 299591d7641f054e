# exchange: Online
# The connection state scripts probe: the ExchangeOnlineManagement module and its REST session's
# temporary module are loaded, Get-ConnectionInformation describes the connection
# (office-docs-powershell Get-ConnectionInformation.md); after Disconnect-ExchangeOnline the
# Exchange cmdlets are gone and Get-ConnectionInformation returns nothing, until the next
# Connect-ExchangeOnline.
Get-Module
Get-Module -ListAvailable -Name ExchangeOnlineManagement | Select-Object Name, Version
Get-ConnectionInformation | Format-List Name, State, Id, ConnectionUri, TokenStatus, IsEopSession
"$PWD"
(Get-Command Get-Mailbox).Source
Disconnect-ExchangeOnline -Confirm:$false
"connected: $([bool](Get-ConnectionInformation))"
Get-Module | Select-Object -ExpandProperty Name
Get-Mailbox karen
if (-not (Get-ConnectionInformation)) { Connect-ExchangeOnline -ShowBanner:$false }
Get-ConnectionInformation | Format-List Name, Id
(Get-Mailbox karen).Name
