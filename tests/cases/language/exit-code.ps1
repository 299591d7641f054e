# exit N ends the script with that process exit code; code after it never runs.
Write-Host 'checking'
if ($true) { Write-Host 'Missing input, stopping' -ForegroundColor Red; exit 3 }
Write-Host 'never printed'
