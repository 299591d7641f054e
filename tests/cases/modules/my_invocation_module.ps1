# Inside a module function, $MyInvocation.MyCommand names the module.
Import-Module .\lib\scope_probe.psm1
function Plain { $MyInvocation.MyCommand.Module -eq $null }
Plain
(Show-Scope)[1]
