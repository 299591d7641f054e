# An uncaught throw ends the script with exit code 1 after printing the error.
Write-Host 'before'
function Invoke-Grant { throw "Grant failed for $args" }
Invoke-Grant karen
Write-Host 'never printed'
