# Int32 arithmetic that leaves the Int32 range gives a Double; Int64 stays Int64 until it overflows.
$big = [int]::MaxValue + 1
"$big $($big.GetType().Name)"
"$(([int]::MinValue - 1).GetType().Name) $((65536 * 65536).GetType().Name) $((5 + 3).GetType().Name)"
"$((3000000000 + 1).GetType().Name) $(([long]::MaxValue + 1).GetType().Name)"
try { 1 / 0 } catch { "$($_.FullyQualifiedErrorId) | $($_.CategoryInfo)" }
1 % 0
