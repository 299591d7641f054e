# Errors of the item cmdlets: a file where a folder is wanted, an unknown -ItemType, renaming to
# a path, an illegal character, Test-Path on an empty string.
New-Item -ItemType Directory C:\temp | Out-Null
Set-Content C:\temp\f.txt x
Set-Location C:\temp\f.txt
New-Item C:\temp\x -ItemType Junction
Rename-Item C:\temp\f.txt C:\other\g.txt
Get-Item "C:\temp\a|b"
Test-Path ""
Get-ChildItem C:\temp\missing
