# @() is a fixed-size object[]: Add fails (a real script bug exsh must surface); ArrayList and List[T] grow.
$a = @()
$a.Add(1)
"object[] count: $($a.Count)"
$a += 1
"after +=: $($a.Count)"
$l = New-Object System.Collections.ArrayList
$l.Add('x')
$null = $l.Add('y')
"ArrayList: $($l -join ',') ($($l.GetType().FullName))"
$g = New-Object System.Collections.Generic.List[string]
$g.Add('z')
"List: $($g.Count)"
$c = [System.Collections.ArrayList]@(1, 2)
$c.Add(3) | Out-Null
"cast: $($c.Count) $($c -is [System.Collections.ArrayList])"
$h = @{ a = 1 }
$h.Add('a', 2)
