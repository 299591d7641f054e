# Arrays: @(), +=, indexing (negative too), ranges, .Count, comma literals, nesting, slicing.
$a = @()
$a.Count
$a += 'first'
$a += 'second'
$a.Count
$a[0]
$a[-1]
$b = 1, 2, 3
$b.Count
$c = @(Get-Mailbox karen)
$c.Count
$r = 1..5
$r[1..2]
$r.Length
$n = 5..3
$n -join ','
$single = , 'one'
$single.Count
$d = $b + 4
$d -join ' '
$e = @($b)
$e.Count
$list = New-Object System.Collections.ArrayList
[void]$list.Add('x')
$list.Add('y') | Out-Null
$list.Count
$g = [System.Collections.Generic.List[string]]::new()
$g.Add('z')
$g.Add('w')
$g.Count
$al = [System.Collections.ArrayList]::new()
$al.Add('index zero')
$null.Count
(Get-Mailbox karen).Count
$a[5]
"[$($a[5])]"
