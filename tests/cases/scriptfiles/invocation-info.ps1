# $PSScriptRoot, $PSCommandPath and $MyInvocation inside a called script, and in a function.
& .\lib\where.ps1
'---'
. .\lib\where.ps1
'---'
.\lib\where.ps1 extra1 extra2
'---'
function Show-Me {
    param($Value)
    "function MyCommand: $($MyInvocation.MyCommand.Name) ($($MyInvocation.MyCommand.CommandType))"
    "function InvocationName: $($MyInvocation.InvocationName)"
    "function ScriptName leaf: $(Split-Path -Leaf $MyInvocation.ScriptName)"
    "function bound: $($MyInvocation.BoundParameters['Value'])"
}
Show-Me -Value 42
"script level: $($MyInvocation.MyCommand.Name) $(Split-Path -Leaf $PSCommandPath)"
