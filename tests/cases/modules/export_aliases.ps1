# A script module exports its aliases when it has no Export-ModuleMember, and only the named ones
# when it has (Export-ModuleMember's doc); Remove-Module takes them away again.
Import-Module .\lib\aliased.psm1 -Verbose
stt
(Get-Alias stt).Definition
(Get-Module aliased).ExportedAliases
Import-Module .\lib\aliased_some.psm1
gtt
Get-Alias hidden -ErrorAction SilentlyContinue
"hidden exported: $(Test-Path alias:hidden)"
Remove-Module aliased
"stt after Remove-Module: $(Test-Path alias:stt)"
