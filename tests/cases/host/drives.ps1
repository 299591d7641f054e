# The session-state drives Alias:, Function:, Variable: and Env: for the item cmdlets and the
# variable syntax ($function:name, ${alias:name}).
function Get-Greeting { 'hello' }
Set-Alias say Write-Output
$count = 5
$env:EXSH_TEST = 'abc'
Test-Path function:Get-Greeting
Test-Path function:\No-Such
Test-Path alias:say
Test-Path Variable:count
Test-Path env:EXSH_TEST
Test-Path env:
Test-Path Alias:\s*

# Listing and reading items.
Get-ChildItem alias:sa*
Get-ChildItem function: -Name
(Get-Item variable:count).Value
(Get-ChildItem env:EXSH_*).Value
Get-Content function:Get-Greeting
Get-Content alias:say
Get-Content env:EXSH_TEST
"${function:Get-Greeting}"
$alias:say
${alias:say}
$variable:count

# Removing items: Remove-Item is 5.1's way to remove an alias.
Remove-Item alias:say
Test-Path alias:say
Remove-Item function:Get-Greeting
Test-Path function:Get-Greeting
Remove-Item variable:count
"count is [$count]"
Remove-Item env:EXSH_TEST
"env is [$env:EXSH_TEST]"

# Setting and creating items.
Set-Item env:EXSH_TEST 'set by Set-Item'
$env:EXSH_TEST
Set-Item alias:ls Write-Output
ls 'ls is Write-Output through Set-Item'
Set-Item variable:made 'a variable'
$made
New-Item -Path function:Get-New -Value { 'new function' } | Format-List Name, CommandType, Definition
Get-New
${function:Get-Assigned} = { 'assigned' }
Get-Assigned
Set-Item function:Get-Assigned { 'replaced' }
Get-Assigned
Remove-Item variable:made -WhatIf
Set-Item env:EXSH_TEST 'x' -WhatIf
