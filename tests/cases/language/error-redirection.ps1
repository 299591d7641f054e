# 2>$null hides a command's non-terminating errors (they still reach $Error); 2>&1 sends them down the pipeline.
$Error.Clear()
Write-Error 'hidden' 2>$null
Get-Content missing-file.txt 2>$null
Get-Mailbox nobody 2>$null
"errors recorded: $($Error.Count)"
Write-Error 'merged' 2>&1 | ForEach-Object { "got: $_" }
Get-Content missing-file.txt 2>&1 | ForEach-Object { "got: $_" }
Get-Mailbox nobody 2>&1 | ForEach-Object { "got: $_" }
Write-Error 'shown'
'done'
