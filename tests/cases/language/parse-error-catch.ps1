# try without catch or finally: nothing runs, exit code 1.
Write-Host 'this must not print'
try { Get-Mailbox karen }
Write-Host 'after'
