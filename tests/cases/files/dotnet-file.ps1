# [System.IO.File], [System.IO.Directory] and [System.IO.Path] reach the same files: UTF-8 without
# BOM, relative paths from the process directory (the start location, whatever Set-Location did).
[System.IO.Directory]::CreateDirectory("C:\logs") | Out-Null
[System.IO.File]::WriteAllText("C:\logs\a.txt", "one`r`ntwo")
[System.IO.File]::AppendAllText("C:\logs\a.txt", "`r`nthree")
[System.IO.File]::ReadAllLines("C:\logs\a.txt")
[System.IO.File]::Exists("C:\logs\a.txt")
[System.IO.Directory]::Exists("C:\logs")
Get-Content C:\logs\a.txt -Tail 1
[System.IO.Path]::GetDirectoryName("C:\logs\a.txt")
[System.IO.Path]::GetFileNameWithoutExtension("C:\logs\a.txt")
Set-Location C:\logs
[System.IO.Path]::GetFullPath("x.txt")
[System.IO.Path]::GetTempPath()
[System.IO.File]::ReadAllText("C:\logs\missing.txt")
