# What follows from System.Collections.Hashtable's buckets (docs/reference/types.md §6).
$lit = @{ test1 = 1; test2 = 2; test3 = 3; test4 = 4; test5 = 5; test6 = 6; test7 = 7; test8 = 8; test9 = 9 }
# Remove empties one bucket: the others keep their places.
$lit.Remove('test3')
$lit.Keys -join ","
# A new key may reuse it.
$lit['test3'] = 3
$lit.Keys -join ","
# Number and Color collide in @{}'s 7 buckets: the one added first keeps the home bucket, so
# Clone (which re-adds in enumeration order) and the literal's order differ.
$s = @{ Number = 1; Shape = "Square"; Color = "Blue" }
$s.Keys -join ","
$s.Clone().Keys -join ","
# + builds a new Hashtable from the left's entries, then the right's, each in its own order.
(@{ a = 1 } + @{ b = 2; c = 3 }).Keys -join ","
# Clear keeps the bucket count.
$s.Clear()
$s.Count
$s.Z = 1; $s.Y = 2
$s.Keys -join ","
# Integer keys hash as their value.
@{ 1 = 'a'; 2 = 'b'; 3 = 'c'; 10 = 'd' }.Keys -join ","
# [ordered] and [PSCustomObject]@{} keep the literal's order.
([ordered]@{ Number = 1; Shape = "Square"; Color = "Blue" }).Keys -join ","
[PSCustomObject]@{ Number = 1; Shape = "Square"; Color = "Blue" } | ConvertTo-Json -Compress
@{ Number = 1; Shape = "Square"; Color = "Blue" } | ConvertTo-Json -Compress
