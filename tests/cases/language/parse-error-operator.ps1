# An operator with nothing after it is a parse error: nothing runs, exit code 1.
Write-Host 'this must not print'
$x = 5 -eq
Write-Host $x
