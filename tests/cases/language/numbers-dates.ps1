# Arithmetic and number formatting: integer and double division, [math]::Round (banker's rounding),
# casts, ++/--, -f with dates, Get-Date -Format and .AddDays on a fixed date.
7 / 2
6 / 2
1 / 3
[math]::Round(2.567, 2)
[math]::Round(2.5)
[math]::Round(3.5)
[int]2.5
[int]3.5
[int]'42' * 2
'5' * 3
10 % 4
[math]::Floor(7.9)
(17 / 4).GetType().Name
(8 / 4).GetType().Name
$d = Get-Date '2024-03-15 14:05:09'
$d.ToString('yyyy-MM-dd HH:mm:ss')
Get-Date $d -Format 'dd/MM/yyyy'
'{0:yyyyMMdd-HHmmss}' -f $d
$d.AddDays(-20).ToString('yyyy-MM-dd')
$d.Year
$d.DayOfWeek
'{0:N0} items' -f 12345
'{0:0.0}%' -f 45.678
