# Import-Module inside a module imports into that module's scope; -Global into the session.
Import-Module .\lib\outer.psm1
Get-Outer
[bool](Get-Command Get-Greeting -ErrorAction SilentlyContinue)
Get-Report
