# exchange: Online
# (pwsh 7 syntax: called from online7/called_script_grammar.ps1)
param($Name)
$shown = $Name ?? 'nobody'
Write-Output "hello $shown" && Write-Output 'chained'
