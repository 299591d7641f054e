# An unterminated string is a parse error: nothing runs, exit code 1.
Write-Host 'this must not print'
$name = "karen
Write-Host $name
