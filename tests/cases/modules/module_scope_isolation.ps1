# A module function sees the module's variables and the global ones, not its caller's locals.
Import-Module .\lib\scope_probe.psm1
$global:shared = 'global value'
function Caller { $local = 'caller local'; Show-Scope }
Caller
Set-ModuleValue 'changed'
Show-Scope
$moduleValue
