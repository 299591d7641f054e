# Errors on the session-state drives.
Remove-Item alias:nosuch
Get-Item function:No-Such
Get-Content variable:nosuch
Remove-Item alias:gc
New-Variable -Name locked -Value 1 -Option ReadOnly
Remove-Item variable:locked
Set-Item variable:locked 2
Set-Item variable:locked 2 -Force
$locked
function Get-Twice { 'one' }
New-Item function:Get-Twice -Value { 'two' }
Get-Twice
Set-Item .\file.txt 'text'
