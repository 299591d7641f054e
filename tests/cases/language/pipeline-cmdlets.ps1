# Where-Object (script block, simplified syntax, -FilterScript, aliases ? and where),
# ForEach-Object (% alias, -Begin/-Process/-End, member name), .Where()/.ForEach().
$m = Get-Mailbox
($m | Where-Object { $_.RecipientTypeDetails -eq 'SharedMailbox' }).Alias
($m | Where-Object RecipientTypeDetails -eq 'RoomMailbox').Alias
($m | Where-Object -Property Alias -Like 'k*').Alias -join ','
($m | ? { $_.Alias -match '^(amy|john)$' }).Alias -join ','
($m | where Alias -ne 'Administrator' | Select-Object -First 1).Alias
$m | Where-Object -FilterScript { $_.Alias -eq 'kim' } | ForEach-Object { "found $($_.Name)" }
1..3 | % { $_ * 2 }
1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { "sum=$sum" }
($m | ForEach-Object Alias | Select-Object -First 2) -join ','
(1..6).Where({ $_ % 2 -eq 0 }) -join ','
(1..3).ForEach({ "item $_" })
$m | Where-Object { $_.Alias -eq 'nobody' } | ForEach-Object { 'never' }
'end'
