# Export-ModuleMember names one alias: the other stays inside the module.
function Get-Test { 'Get-Test ran' }
Set-Alias gtt Get-Test
Set-Alias hidden Get-Test
Export-ModuleMember -Function Get-Test -Alias gtt
