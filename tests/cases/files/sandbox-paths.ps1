# Windows paths outside the current folder live in the sandbox: C:\temp, a share, the profile's
# Desktop; `..` stops at the drive root, and New-Item, Set-Location and Get-Location agree.
New-Item -ItemType Directory -Path C:\temp\reports | Select-Object Name, Mode
Set-Content -Path C:\temp\reports\a.csv -Value "Name`r`nkaren"
Set-Location C:\temp
(Get-Location).Path
"$PWD"
Test-Path .\reports\a.csv
Test-Path reports -PathType Container
Test-Path reports -PathType Leaf
Test-Path "C:\temp\bad|name" -IsValid
Import-Csv reports\a.csv
Set-Location ..\..\..\..
$PWD.Path
Set-Content -Path \\fileserver\share\list.txt -Value one
Get-Content \\fileserver\share\list.txt
Set-Content -Path "$env:USERPROFILE\Desktop\x.txt" -Value desk
Get-Content ~\Desktop\x.txt
Set-Location C:\nowhere
