# Get-Module lists the imported script modules; Remove-Module takes their commands away.
Import-Module .\lib\tools.psm1
Import-Module .\lib\exported.psm1
Get-Module tools, exported
(Get-Module exported).ExportedVariables
Remove-Module tools
[bool](Get-Command Get-Greeting -ErrorAction SilentlyContinue)
(Get-Module tools) -eq $null
Get-Report
