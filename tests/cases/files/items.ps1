# Get-ChildItem, Get-Item, Copy-Item, Move-Item, Rename-Item, Remove-Item on files in C:\data.
New-Item -ItemType Directory C:\data\in | Out-Null
Set-Content C:\data\in\users.csv "Name"
Set-Content C:\data\in\notes.txt "hello"
New-Item C:\data\in\empty.log | Out-Null
Get-ChildItem C:\data\in | Select-Object Name, Length
Get-ChildItem C:\data\in -Filter *.csv -Name
Get-ChildItem C:\data -Recurse -File -Name
Get-ChildItem C:\data -Directory | Select-Object Name, Mode
Get-ChildItem C:\data\in -Include *.txt, *.log -Exclude empty* -Name
$f = Get-Item C:\data\in\users.csv
$f.FullName
$f.BaseName
$f.Extension
$f.Length
$f.DirectoryName
Copy-Item C:\data\in\users.csv C:\data\copy.csv
Move-Item C:\data\in\notes.txt C:\data
Rename-Item C:\data\copy.csv old.csv
Get-ChildItem C:\data -Name
Remove-Item C:\data\in -Recurse
Remove-Item C:\data\*.csv
Get-ChildItem C:\data -Name
New-Item C:\data\notes.txt
Get-Item C:\data\gone.txt
Remove-Item C:\data\gone.txt
