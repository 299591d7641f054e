# A range as the first element of a pipeline, or as a foreach loop's collection, is enumerated
# (RangeEnumerator) rather than built, so a huge one costs nothing when the loop or pipeline
# stops early. Both bounds convert to Int32 as a cast does.
1..1e9 | Select-Object -First 3
foreach ($i in 1..1e9) {
    if ($i -gt 3) { break }
    "loop $i"
}
foreach ($i in 3..1) { "down $i" }
switch (1..1e9) {
    { $_ -gt 2 } { break }
    default { "switch $_" }
}
-1..-3 | ForEach-Object { "neg $_" }
$small = 1..4
"small: $($small -join ',') $($small.GetType().Name)"
"rounded: $((1.6..3) -join ',')"
"null bound: $(($null..2) -join ',')"
"strings: $(('1'..'3') -join ',')"
"sum: $((1..100 | Measure-Object -Sum).Sum)"
# Built ranges: too wide for Int32, too big to allocate.
$a = 1..1e10
$b = 1..3e8
$c = [int]::MinValue..[int]::MaxValue
1..1e10 | Select-Object -First 1
foreach ($i in 'x'..'y') { $i }
'after'
