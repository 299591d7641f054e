# exchange: Online
# Exchange Online runs nothing on the admin's machine: there is no ExchangeInstallPath.
$null -eq $env:ExchangeInstallPath
