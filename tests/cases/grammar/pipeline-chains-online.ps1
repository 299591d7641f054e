# exchange: Online
# pwsh 7's pipeline chains: `&&` runs the next pipeline when $? is true, `||` when it is false.
Write-Output 'a' && Write-Output 'b'
Write-Output 'c' || Write-Output 'not run'
Write-Error 'failed' -ErrorAction SilentlyContinue || Write-Output 'recovered'
Write-Error 'again' -ErrorAction SilentlyContinue && Write-Output 'not run either'
Get-Mailbox nobody -ErrorAction SilentlyContinue || 'no such mailbox'
$x = Write-Output 1 && Write-Output 2
$x.Count
'one' && 'two' || 'three'
