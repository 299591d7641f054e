# Casts with PowerShell's conversion rules: rounding to even, hex strings, truthiness of [bool],
# chars and code points, arrays, hashtables to objects, [ordered] and the collections.
[int]"42" + 1
[int]2.5
[int]3.5
[int]" 0x1F "
[long]"9000000000"
[double]"1.5e3"
[decimal]"0.1"
[bool]"false"
[bool]""
[bool]0
[bool]@()
[char]65
[int][char]'A'
[byte]255
[string]$null -eq ""
([string[]](1, 2, 3)).GetType().FullName
([int[]]"4").Count
([object[]]"x").GetType().Name
$o = [PSCustomObject]@{ Name = 'karen'; Count = 2 }
$o.Name
$h = [ordered]@{ b = 1; a = 2 }
$h.Keys -join ','
$list = [System.Collections.Generic.List[string]]@('a', 'b')
$list.Add('c')
$list.Count
$list.GetType().Name
$al = [System.Collections.ArrayList]@(1, 2)
$al.Add(3)
$set = [System.Collections.Generic.HashSet[string]]@('a', 'b', 'a')
$set.Count
[datetime]"2024-03-15 14:05:09"
[datetime]"03/15/2024"
[version]"5.1.14393"
[timespan]"01:30:00" -is [timespan]
[guid]"0e8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5b" -is [guid]
([regex]'^a+$').ToString()
