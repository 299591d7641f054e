# A module importing another: without -Global the inner module's functions are the outer's only.
Import-Module (Join-Path $PSScriptRoot 'tools.psm1')
Import-Module (Join-Path $PSScriptRoot 'exported.psm1') -Global
function Get-Outer { "outer uses: $(Get-Greeting -Name inner)" }
Export-ModuleMember -Function Get-Outer
