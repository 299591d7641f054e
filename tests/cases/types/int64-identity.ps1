([long]5).GetType().Name
(5L).GetType().Name
(5).GetType().Name
(3000000000).GetType().Name
([long]::MaxValue).GetType().Name
[long]::MaxValue
([int64]1 + 1).GetType().Name
([long]1 + 1)
(1 + [long]1).GetType().Name
([int]::MaxValue + 1).GetType().Name
([long]::MaxValue + 1).GetType().Name
[long]5 -is [long]
[long]5 -is [int]
5 -is [long]
([int][long]7).GetType().Name
[long]$x = 3
$x.GetType().Name
$x = 4
$x.GetType().Name
[long]5 -eq 5
@([long]5 | Get-Member)[0].TypeName
ConvertTo-Json ([long]5)
[long]5 | Export-Clixml C:\i64.xml; Get-Content C:\i64.xml
5 | Export-Clixml C:\i32.xml; Get-Content C:\i32.xml
"$([long]12)"
'{0:N0}' -f [long]1234567
[int]3e9
[int][long]3000000000
([long]10 / 4)
([long]10 / 5).GetType().Name
$h = @{}
$h[5] = 'int'
$h[[long]5] = 'long'
$h.Count
$h[[long]5]
([long]7 % 4).GetType().Name
[long]'12abc'
