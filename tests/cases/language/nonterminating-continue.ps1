# A non-terminating error (default Continue) prints and the script goes on; exit code stays 0.
Get-Mailbox ghost
Write-Host "after the error, `$? = $?"
Write-Error 'custom failure'
'end'
