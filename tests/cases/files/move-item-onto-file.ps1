# Move-Item onto an existing file fails with .NET's IOException (MoveFileInfoItemIOError) and both
# files stay; Copy-Item onto it overwrites. The two share one walk over the items.
New-Item -ItemType Directory C:\temp | Out-Null
Set-Content C:\temp\a.txt one
Set-Content C:\temp\b.txt two
Move-Item C:\temp\a.txt C:\temp\b.txt
Get-Content C:\temp\a.txt, C:\temp\b.txt
Copy-Item C:\temp\a.txt C:\temp\b.txt
Get-Content C:\temp\b.txt
