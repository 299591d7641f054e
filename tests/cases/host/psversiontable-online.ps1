# exchange: Online
# The Online profile runs PowerShell 7.4: PSEdition Core, GitCommitId, OS, Platform, and $IsWindows.
$PSVersionTable
$PSVersionTable.PSVersion.Major
"IsWindows: $IsWindows IsLinux: $IsLinux IsMacOS: $IsMacOS IsCoreCLR: $IsCoreCLR"
"PSEdition: $PSEdition PSHOME: $PSHOME"
