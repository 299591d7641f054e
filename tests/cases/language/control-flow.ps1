# if/elseif/else, foreach, while, do-while, do-until, for, break, continue, labelled break, return.
$n = 7
if ($n -lt 5) { 'small' } elseif ($n -lt 10) { 'medium' } else { 'large' }
if ($false) { 'never' }
foreach ($m in 'karen', 'bob', 'al') {
    if ($m -eq 'bob') { continue }
    "grant $m"
}
foreach ($i in 1..10) { if ($i -gt 2) { break }; "i=$i" }
$i = 0
while ($i -lt 3) { $i++ }
"while ended at $i"
do { $i-- } while ($i -gt 0)
"do-while ended at $i"
do { $i++ } until ($i -ge 2)
"do-until ended at $i"
for ($j = 0; $j -lt 6; $j += 2) { "j=$j" }
:outer foreach ($x in 1..3) {
    foreach ($y in 1..3) {
        if ($y -eq 2) { continue outer }
        if ($x -eq 3) { break outer }
        "$x,$y"
    }
}
function Find-First($items) {
    foreach ($it in $items) { if ($it -like 'b*') { return $it } }
    'none'
}
Find-First 'al', 'bob', 'ben'
Find-First 'al'
$result = foreach ($k in 1..3) { $k * 10 }
$result -join '+'
$found = if ($n -gt 5) { 'big' } else { 'small' }
$found
