# Set-Variable, New-Variable, Remove-Variable, Clear-Variable, Get-Variable: scopes, options, errors.
Set-Variable -Name color -Value blue
$color
set size 10
$size
New-Variable -Name tenant -Value contoso -Option ReadOnly
$tenant
New-Variable -Name tenant -Value other
$tenant = 'changed'
$tenant
Set-Variable tenant fabrikam
Set-Variable tenant fabrikam -Force
$tenant
Remove-Variable tenant
Remove-Variable tenant -Force
$null -eq (Get-Variable -Name tenant -ErrorAction SilentlyContinue)
New-Variable -Name pi -Value 3.14 -Option Constant
Set-Variable pi 3 -Force
Remove-Variable pi -Force
$pi
nv counter 5 -PassThru
Clear-Variable counter
$null -eq $counter
Remove-Variable nothing-here
function Set-Inner { Set-Variable -Name where -Value 'inner'; Set-Variable -Name where2 -Value 'script' -Scope Script }
$where = 'outer'
Set-Inner
$where
$where2
Get-Variable where -ValueOnly
Get-Variable -Name col*
rv color
Get-Variable color
Set-Variable x 1 -Scope Nowhere
'done'
