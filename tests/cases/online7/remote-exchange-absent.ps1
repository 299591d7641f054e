# exchange: Online
# An Exchange Online session runs on a workstation: no Exchange is installed, so
# $env:ExchangeInstallPath is empty and there is no RemoteExchange.ps1 to dot-source.
. $env:ExchangeInstallPath\bin\RemoteExchange.ps1
'after'
