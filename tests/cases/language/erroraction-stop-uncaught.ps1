# -ErrorAction Stop without try/catch: the error ends the script (exit 1).
Write-Host 'before'
Get-Mailbox ghost -ErrorAction Stop
Write-Host 'never printed'
