# $null on the left of an operator (Binders.cs): `$null + x` is x itself, whatever its type;
# `$null * x` is $null; `-`, `/` and `%` treat $null as 0. Scripts build strings and lists from a
# variable they set to $null first ($html = $null; foreach (...) { $html = $html + $part }).
$null + "s"
($null + 5).GetType().Name
($null + @(1, 2)).Count
($null + (Get-Date -Year 2024 -Month 1 -Day 2)).Year
$null - 1
$null -eq ($null * 2)
$null / 4
$h = $null
foreach ($part in '<p>a</p>', '<p>b</p>') { $h = $h + $part }
$h
$n = $null; $n += 3; $n += 4; $n
