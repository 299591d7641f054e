# Get-Random: ranges, picks from the input, -SetSeed reproducibility, the Minimum/Maximum error.
$r = Get-Random -Minimum 1 -Maximum 7
($r -ge 1) -and ($r -lt 7)
$r.GetType().Name
$all = 1..200 | ForEach-Object { Get-Random -Maximum 3 }
(($all | Sort-Object -Unique) -join ',')
$d = Get-Random -Minimum 0.5 -Maximum 1.5
($d -ge 0.5) -and ($d -lt 1.5)
$d.GetType().Name
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
$pick = 'karen', 'bob', 'al' | Get-Random -Count 2
$pick.Count
($pick | Sort-Object -Unique).Count
(Get-Random -InputObject 1, 2, 3 -Count 10 | Measure-Object).Count
(1..5 | Get-Random) -in 1..5
Get-Random -Minimum 10 -Maximum 5
'done'
