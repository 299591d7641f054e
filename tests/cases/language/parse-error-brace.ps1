# A missing closing brace is a parse error: nothing runs (not even the first line), exit code 1.
Write-Host 'this must not print'
foreach ($m in 'karen', 'bob') {
    if ($m -eq 'karen') {
        "grant $m"
    }
