# Called by the scriptfiles cases: what a script sees of itself and its caller.
"PSScriptRoot leaf: $(Split-Path -Leaf $PSScriptRoot)"
"PSCommandPath leaf: $(Split-Path -Leaf $PSCommandPath)"
"MyCommand: $($MyInvocation.MyCommand.Name) ($($MyInvocation.MyCommand.CommandType))"
"Path leaf: $(Split-Path -Leaf $MyInvocation.MyCommand.Path)"
"InvocationName: $($MyInvocation.InvocationName)"
"ScriptName leaf: $(Split-Path -Leaf $MyInvocation.ScriptName)"
"Line: $($MyInvocation.Line.Trim())"
"Bound: $($MyInvocation.BoundParameters.Count) Unbound: $($MyInvocation.UnboundArguments -join ',')"
