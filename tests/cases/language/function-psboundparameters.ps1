# $PSBoundParameters holds the parameters that were bound, in binding order (named, then
# positional), common parameters included, defaults not (ScriptParameterBinderController).
function Get-Bound {
    [CmdletBinding()]
    param($Identity, $User, [switch]$Force, $Days = 7)
    "keys: $($PSBoundParameters.Keys -join ',')"
    "has User: $($PSBoundParameters.ContainsKey('User')); has Days: $($PSBoundParameters.ContainsKey('Days')); Days: $Days"
}
Get-Bound -User michelle karen -Force
Get-Bound -Verbose
Get-Bound
function Show-Simple { param($a, $b) "simple: $($PSBoundParameters.Keys -join ',') = $($PSBoundParameters.Values -join ',')" }
Show-Simple 1 -b 2
Show-Simple
# Splatting it passes the same arguments on.
function Get-Inner { param($Identity, $User) "inner: $Identity $User" }
function Get-Outer { param($Identity, $User) Get-Inner @PSBoundParameters }
Get-Outer -User bob karen
Get-Outer -User bob
