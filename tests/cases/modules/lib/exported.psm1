# Export-ModuleMember names what leaves the module; helpers stay private.
$script:calls = 0
$ReportPath = 'C:\reports'
$Secret = 'hidden'

function Get-Report { "report #$(Add-Call) in $ReportPath" }
function Get-ReportCount { $script:calls }
function Add-Call { $script:calls++; $script:calls }

Export-ModuleMember -Function Get-Report* -Variable ReportPath
