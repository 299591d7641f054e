# exchange: Online
# ConvertTo-Json / ConvertFrom-Json as PowerShell 7 writes and reads them (Online follows pwsh 7).
$o = [PSCustomObject]@{ Name = 'Karen'; Size = 10; Tags = @('a', 'b'); Empty = @(); Sub = [PSCustomObject]@{ X = 1 }; Ok = $true; None = $null }
$o | ConvertTo-Json
$o | ConvertTo-Json -Compress
"it's <b> & ""q""" | ConvertTo-Json
@(1, 2) | ConvertTo-Json -Compress
[PSCustomObject]@{ L1 = [PSCustomObject]@{ L2 = [PSCustomObject]@{ L3 = [PSCustomObject]@{ L4 = 1 } } } } | ConvertTo-Json -Compress
[PSCustomObject]@{ L1 = [PSCustomObject]@{ L2 = 1 } } | ConvertTo-Json -Depth 1 -Compress
[PSCustomObject]@{ When = [datetime]'2020-01-01' } | ConvertTo-Json -Compress
$j = '{"name":"Karen","size":10,"ratio":1.5,"tags":["a","b"],"sub":{"x":true},"n":null}' | ConvertFrom-Json
$j.name
$j.size.GetType().Name
$j.ratio
$j.tags -join ','
$j.sub.x
$null -eq $j.n
$j
('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count
'{"a":1}', '{"a":2}' | ConvertFrom-Json | ForEach-Object { $_.a }
'{', '"a": 3', '}' | ConvertFrom-Json | ForEach-Object { $_.a }
('{"d":"\/Date(1577836800000)\/"}' | ConvertFrom-Json).d.GetType().Name
'abc' | ConvertFrom-Json
$o | ConvertTo-Json -Depth 0
'done'
1 | ConvertTo-Json -AsArray -Compress
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
('{"a":{"b":1}}' | ConvertFrom-Json -AsHashtable).a.b
