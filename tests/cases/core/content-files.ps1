# Get-Content, Set-Content, Add-Content and Remove-Item on a scratch file the script deletes itself.
# cwd: temp
$f = 'qa-files-test.txt'
Set-Content -Path $f -Value 'first'
Add-Content -Path $f -Value 'second', 'third'
Get-Content $f
(Get-Content $f).Count
Get-Content $f -TotalCount 1
Get-Content $f -Tail 1
'x','y' | Set-Content $f
Get-Content -Path $f
Test-Path $f
Remove-Item $f -WhatIf
Remove-Item $f
Test-Path $f
Remove-Item $f
Get-Content $f
'done'
