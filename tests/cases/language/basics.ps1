# Variables, strings, arithmetic, arrays, hashtables and pipelines.
$name = 'Karen'
$n = 2 + 3 * 4
"Hello, $name! n = $n"
"Sub-expression: $($n * 2)"
'Single $name'
$list = @(1, 2, 3)
$list += 4
"Count: $($list.Count)"
$list | ForEach-Object { $_ * 10 } | Where-Object { $_ -gt 15 }
$h = @{ Mailbox = 'karen'; User = 'michelle' }
"$($h.Mailbox) -> $($h['User'])"
if ($n -gt 10 -and $name -like 'k*') { 'big and K' } elseif ($n -gt 5) { 'medium' } else { 'small' }
foreach ($i in 1..3) { "item $i" }
'a', 'b', 'c' -join ';'
'x,y,z' -split ','
"FullAccess, ReadPermission" -like '*FullAccess*'
