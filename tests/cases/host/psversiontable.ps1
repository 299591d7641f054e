# $PSVersionTable as Windows PowerShell 5.1 has it: a hashtable whose PSVersion is a [version].
$PSVersionTable
if ($PSVersionTable.PSVersion.Major -lt 5) { 'too old' } else { "PowerShell $($PSVersionTable.PSVersion.Major).$($PSVersionTable.PSVersion.Minor)" }
$PSVersionTable.PSVersion.GetType().FullName
$PSVersionTable.PSEdition
$PSVersionTable.PSVersion -ge [version]'5.1'
"IsWindows defined: $(Test-Path variable:IsWindows) [$IsWindows]"
"PSEdition: $PSEdition"
