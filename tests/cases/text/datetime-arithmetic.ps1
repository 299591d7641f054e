# [DateTime] arithmetic, properties and methods; differences are TimeSpans.
$d1 = Get-Date -Year 2024 -Month 1 -Day 5 -Hour 10 -Minute 0 -Second 0 -Millisecond 0
$d2 = $d1.AddDays(1).AddHours(2).AddMinutes(3).AddSeconds(4)
$ts = $d2 - $d1
$ts.ToString()
"$($ts.Days) $($ts.Hours) $($ts.Minutes) $($ts.Seconds) $($ts.TotalHours)"
($d1 + $ts).ToString('s')
($d2 - $ts).ToString('s')
$d1.Subtract($ts).ToString('s')
$d2.Subtract($d1).TotalMinutes
"$($d1.Year) $($d1.Month) $($d1.Day) $($d1.DayOfWeek) $($d1.DayOfYear) $($d1.Hour) $($d1.Kind)"
$d1.Date.ToString('s')
$d2.TimeOfDay.ToString()
$d1.Ticks
$d1.AddYears(-4).AddMonths(1).ToString('yyyy-MM-dd')
$d1.AddMilliseconds(1500).ToString('HH:mm:ss.fff')
$d1.ToShortDateString()
$d1.ToLongDateString()
$d1.ToShortTimeString()
$d1.ToLongTimeString()
$d1.ToUniversalTime().ToString('s')
$d1.ToFileTime()
$d1.CompareTo($d2)
$d2 -gt $d1
$d1.AddDays(100000000)
