# Get-Command -Module lists a script module's exported functions, with the module's version.
Import-Module .\lib\tools.psm1
Get-Command -Module tools | ForEach-Object { "$($_.CommandType) $($_.Name) $($_.Version) $($_.Source)" }
Get-Command -Module NoSuchModule
'nothing for a module that is not loaded'
