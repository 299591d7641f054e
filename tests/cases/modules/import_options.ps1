# -Prefix, -Function, -ArgumentList, -Verbose and -Force.
Import-Module .\lib\exported.psm1 -Prefix Team -Verbose
Get-TeamReport
Import-Module .\lib\tools.psm1 -Function Get-Greeting
Get-Greeting
[bool](Get-Command Format-Count -ErrorAction SilentlyContinue)
Import-Module .\lib\params.psm1 -ArgumentList Hello, 2
Say-It Kim
Import-Module .\lib\params.psm1 -ArgumentList Bye -Force
Say-It Lee
