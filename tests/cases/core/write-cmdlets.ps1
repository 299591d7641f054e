# Write-Host (colours are ignored without a terminal, -NoNewline, arrays, -Separator), Write-Output,
# Write-Warning, Write-Verbose, Out-Null, [void], $null = ..., and implicit output.
Write-Host 'plain'
Write-Host 'green' -ForegroundColor Green
Write-Host 'on red' -ForegroundColor White -BackgroundColor DarkRed
Write-Host 'part one ' -NoNewline
Write-Host 'part two'
Write-Host 'a', 'b', 'c'
Write-Host 'x', 'y' -Separator '-'
Write-Host
Write-Host ''
Write-Host "Total: $(1 + 1)" -fore yellow
Write-Output 'to output'
Write-Output 'one', 'two'
Write-Warning 'this is a warning'
Write-Warning "Mailbox karen not found"
Write-Verbose 'hidden verbose'
Write-Verbose 'shown verbose' -Verbose
'discarded' | Out-Null
[void](Get-Mailbox karen)
$null = Get-Mailbox karen
Get-Mailbox karen > $null
'implicit'
