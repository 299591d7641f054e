# Sort-Object with per-key directions in hashtables, -CaseSensitive, and 5.1's lack of -Top/-Bottom.
$rows = @(
    [PSCustomObject]@{ Name = 'Karen'; Size = 10 }
    [PSCustomObject]@{ Name = 'Bob'; Size = 5 }
    [PSCustomObject]@{ Name = 'Al'; Size = 10 }
)
($rows | Sort-Object @{ Expression = 'Size'; Descending = $true }, Name).Name -join ','
($rows | Sort-Object @{ e = { $_.Size }; a = $true }, @{ e = 'Name'; d = $true }).Name -join ','
('b', 'B', 'a' | Sort-Object -CaseSensitive) -join ','
1, 2, 3 | Sort-Object -Top 2
