# The EMS preamble scripts start with: dot-source Exchange's bin\RemoteExchange.ps1, then
# Connect-ExchangeServer. exsh provides that script (it prints the banner, as get-exbanner does,
# and defines the list/table aliases and $exbin), whatever separators the path is written with.
. $env:ExchangeInstallPath\bin\RemoteExchange.ps1
Connect-ExchangeServer -auto -AllowClobber -ClientApplication:ManagementShell
$exbin
$exscripts
$FormatEnumerationLimit
(Get-Alias list).Definition
Get-Mailbox karen | table Name, Alias
. 'C:\Program Files\Microsoft\Exchange Server\V15\bin\RemoteExchange.ps1' | Out-Null
# Only that file: another script in the folder is not there.
. 'C:\Program Files\Microsoft\Exchange Server\V15\bin\Other.ps1'
