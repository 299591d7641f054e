# Select-Object: properties, calculated properties (Name/Expression and N/E), -ExpandProperty,
# -First/-Last/-Skip, -Unique, on strings and objects. Output goes through Format-Table/strings so
# each step prints on its own.
$rows = @(
    [PSCustomObject]@{ Name = 'Karen'; Dept = 'IT'; Size = 10 }
    [PSCustomObject]@{ Name = 'Bob'; Dept = 'HR'; Size = 5 }
    [PSCustomObject]@{ Name = 'Al'; Dept = 'IT'; Size = 7 }
)
$rows | Select-Object -ExpandProperty Name
($rows | Select-Object -First 2).Name -join ','
($rows | Select-Object -Last 1).Name
($rows | Select-Object -Skip 1 -First 1).Name
$rows.Dept | Select-Object -Unique
'b', 'a', 'b' | Select-Object -Unique
$sel = $rows | Select-Object Name, @{Name = 'Double'; Expression = { $_.Size * 2 } }, @{N = 'Upper'; E = { $_.Name.ToUpper() } }
$sel[0].Double
$sel[2].Upper
$sel | Format-Table -AutoSize
