# Format-Table -GroupBy and Format-List -GroupBy: a new group whenever the key changes (the input
# is not sorted for you), each drawn as a blank line, `   Label: value`, a blank line, then the
# group's own table (header included) or list entries.
$rows = @(
    [pscustomobject]@{ Name = 'karen'; Dept = 'Sales'; Size = 10 }
    [pscustomobject]@{ Name = 'ben'; Dept = 'Sales'; Size = 20 }
    [pscustomobject]@{ Name = 'kim'; Dept = 'IT'; Size = 30 }
    [pscustomobject]@{ Name = 'ann'; Dept = 'Sales'; Size = 40 }
)
$rows | Format-Table -GroupBy Dept
$rows | Sort-Object Dept | Format-Table Name, Size -GroupBy { $_.Dept }
$rows | Sort-Object Dept | Format-List Name, Size -GroupBy @{ Label = 'Department'; Expression = { $_.Dept } }
$rows | Format-Table Name -GroupBy @{ Name = 'Big'; Expression = { $_.Size -gt 15 } } -HideTableHeaders
# The text Out-String makes of a grouped table is the same.
($rows | Select-Object -First 2 | Format-Table Name -GroupBy Dept | Out-String).Length
Get-Mailbox -ResultSize 3 | Sort-Object Database | Format-Table Name, Alias -GroupBy Database
$rows | Format-Table -GroupBy @{ Bogus = 1 }
