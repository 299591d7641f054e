# exsh's stand-in for Exchange's bin\RemoteExchange.ps1, which scripts dot-source to load the
# Exchange Management Shell (`. $env:ExchangeInstallPath\bin\RemoteExchange.ps1;
# Connect-ExchangeServer -auto`). exsh is that shell already, so this sets what the real script
# sets that scripts read, and prints its banner. Facts: docs/reference/host.md.
$MaximumFunctionCount = 32768
Set-Alias list Format-List
Set-Alias table Format-Table
$global:exinstall = $env:ExchangeInstallPath
$global:exbin = $env:ExchangeInstallPath + 'bin\'
$global:exscripts = $env:ExchangeInstallPath + 'scripts\'
$FormatEnumerationLimit = 16
Get-ExBanner
