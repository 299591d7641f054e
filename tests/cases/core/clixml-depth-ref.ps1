# -Depth: objects below the depth keep only their type names and ToString; an object written
# twice is a <Ref> to the first; the same type-name list is a <TNRef>; plain values alone.
$inner = [PSCustomObject]@{ Level = 2; Deeper = [PSCustomObject]@{ Level = 3 } }
$outer = [PSCustomObject]@{ A = $inner; B = $inner }
$outer | Export-Clixml C:\clixml-depth.xml -Depth 1
Get-Content C:\clixml-depth.xml
'hello', 42 | Export-Clixml C:\clixml-plain.xml
Get-Content C:\clixml-plain.xml
Import-Clixml C:\clixml-plain.xml
$back = Import-Clixml C:\clixml-depth.xml
$null -eq $back.A.Level
$back.A.ToString()
$back.B.Level = 9; $back.A.Level
