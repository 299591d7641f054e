# Start-Transcript writes Windows PowerShell 5.1's prologue, then everything the host shows
# (output, Write-Host, warnings, errors), then the epilogue at Stop-Transcript; a second
# Stop-Transcript has nothing to stop.
Start-Transcript -Path C:\temp\run.txt
"hello"
Write-Host "host line"
Write-Warning "careful"
Stop-Transcript
Stop-Transcript
(Get-Content C:\temp\run.txt)[0..2]
(Get-Content C:\temp\run.txt)[-7..-1]
