# Redirection to files goes through Out-File: UTF-16 LE with BOM in Windows PowerShell 5.1, `>>`
# appends without a second BOM, `2>` collects error records, `3>$null` drops warnings.
# cwd: temp
"first" > out.txt
"second" >> out.txt
$log = "log line"
$log >> out.txt
Write-Warning "hidden" 3>$null
Write-Output "kept" > kept.txt
"dropped" > $null
"all streams" *> all.txt
Get-Content out.txt
Get-Content kept.txt
Write-Error "to the file" 2> err.txt
Test-Path err.txt
"z" > C:\nope\x.txt
