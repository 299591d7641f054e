# Compare-Object (compare, diff): SideIndicator, -IncludeEqual, -ExcludeDifferent, -Property, -PassThru, -CaseSensitive.
Compare-Object -ReferenceObject 1, 2, 3 -DifferenceObject 2, 3, 4
compare 'a', 'B' 'A', 'c' -IncludeEqual | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
diff 'a', 'B' 'A', 'b' -CaseSensitive | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
(Compare-Object 1, 2 2, 3 -ExcludeDifferent).InputObject
$before = @([PSCustomObject]@{ Alias = 'karen'; Size = 1 }, [PSCustomObject]@{ Alias = 'bob'; Size = 2 })
$after = @([PSCustomObject]@{ Alias = 'karen'; Size = 5 }, [PSCustomObject]@{ Alias = 'al'; Size = 2 })
Compare-Object $before $after -Property Alias | ForEach-Object { "$($_.Alias) $($_.SideIndicator)" }
$r = Compare-Object $before $after -Property Alias -PassThru
$r | ForEach-Object { "$($_.Alias) $($_.Size) $($_.SideIndicator)" }
$after | Compare-Object $before -Property Alias, Size -IncludeEqual | ForEach-Object { "$($_.Alias) $($_.Size) $($_.SideIndicator)" }
(Compare-Object 1, 2 1, 2 | Measure-Object).Count
