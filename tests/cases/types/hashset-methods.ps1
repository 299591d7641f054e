# HashSet[string]: Add and Remove return whether the set changed, strings compare ordinally
# (case-sensitively), and the set operations change the set in place.
$set = New-Object 'System.Collections.Generic.HashSet[string]'
$set.Add('a')
$set.Add('A')
$set.Add('a')
[void]$set.Add('b')
"count: $($set.Count)"
"contains: $($set.Contains('a')) $($set.Contains('B'))"
$set.Remove('A')
$set.Remove('zzz')
$other = [System.Collections.Generic.HashSet[string]]::new()
[void]$other.Add('b')
[void]$other.Add('c')
$null = $set.UnionWith($other)
"union: $($set -join ',')"
$null = $set.IntersectWith([string[]]('b', 'c', 'd'))
"intersect: $($set -join ',')"
$null = $set.ExceptWith([string[]]('c'))
"except: $($set -join ',')"
"subset: $($set.IsSubsetOf($other)) superset: $($set.IsSupersetOf($other)) overlaps: $($set.Overlaps($other))"
foreach ($item in $other) { "item $item" }
$set.Clear()
"cleared: $($set.Count)"
$set.Push('x')
