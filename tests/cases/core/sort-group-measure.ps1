# Sort-Object (property, -Descending, -Unique, numbers vs strings), Group-Object, Measure-Object.
$rows = @(
    [PSCustomObject]@{ Name = 'Karen'; Dept = 'IT'; Size = 10 }
    [PSCustomObject]@{ Name = 'Bob'; Dept = 'HR'; Size = 5 }
    [PSCustomObject]@{ Name = 'Al'; Dept = 'IT'; Size = 7 }
)
($rows | Sort-Object Size).Name -join ','
($rows | Sort-Object Size -Descending).Name -join ','
($rows | Sort-Object Name).Name -join ','
(10, 9, 100 | Sort-Object) -join ','
('b', 'a', 'b' | Sort-Object -Unique) -join ','
$g = $rows | Group-Object Dept
$g.Count
$g[0].Name
$g[0].Count
($g[0].Group.Name) -join ','
$m = $rows | Measure-Object -Property Size -Sum -Average -Maximum -Minimum
"sum $($m.Sum) avg $($m.Average) max $($m.Maximum) min $($m.Minimum) count $($m.Count)"
($rows | Measure-Object).Count
(1, 2 | Measure-Object -Sum).Sum
$rows | Group-Object Dept
