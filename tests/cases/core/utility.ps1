# New-TimeSpan, Get-Unique (gu), Tee-Object (tee), Get-Culture.
$t = New-TimeSpan -Start '2020-01-01' -End '2020-01-03 06:30'
$t.ToString()
$t.TotalHours
(New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4).ToString()
(New-TimeSpan -Hours 1).TotalMinutes
New-TimeSpan -Start 'not a date'
(1, 1, 2, 2, 2, 3, 1 | Get-Unique) -join ','
('a', 'A', 'a', 'b' | gu) -join ','
(1, 2, 'x', 'y', 3 | Get-Unique -OnType) -join ','
$n = 1, 2, 3 | Tee-Object -Variable saved | ForEach-Object { $_ * 10 }
$n -join ','
$saved -join ','
'one' | tee -Variable single | Out-Null
$single
Get-Culture
(Get-Culture).Name
"$(Get-Culture)"
