# Binding errors of script functions: bad conversion, unknown parameter, ambiguous prefix,
# missing argument. Each ends only its statement; the script goes on.
# A simple function (no [CmdletBinding()], no [Parameter()]) passes an unknown -Name to $args
# (ScriptParameterBinderController.HandleRemainingArguments), with the value after it, which is
# never bound by position (ParameterBinderController.GetNextPositionalArgument); an advanced one
# rejects it.
function Set-Quota {
    param([string]$Identity, [int]$SizeMB)
    "quota $Identity = $SizeMB; args: $args"
}
function Set-StrictQuota {
    [CmdletBinding()]
    param([string]$Identity, [int]$SizeMB)
    "strict quota $Identity = $SizeMB"
}
function Find-Person { param($Name, $Number) "find $Name $Number" }
Set-Quota karen 100
Set-Quota -Identity karen -SizeMB lots
Set-Quota -Identity karen -Size 5
Set-Quota -Identity karen -Quota 5
Set-StrictQuota -Identity karen -Quota 5
Set-StrictQuota karen 5 6
Set-Quota -Identity
Find-Person -Na amy -Nu 1
Find-Person -N amy
'still running'
