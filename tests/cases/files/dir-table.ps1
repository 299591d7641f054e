# Get-ChildItem's default view (FileSystem.format.ps1xml): a `Directory:` header per folder, then
# Mode, LastWriteTime, Length, Name; folders before files; -Recurse lists each folder's own group.
New-Item -ItemType Directory C:\reports\2025 | Out-Null
Set-Content C:\reports\summary.txt "total"
Set-Content C:\reports\2025\jan.csv "Name"
Get-ChildItem C:\reports -Recurse
