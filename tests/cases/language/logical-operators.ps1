# -and, -or, -not, !, -xor and truthiness of common values.
$true -and $false
$true -or $false
-not $true
!$false
!(1 -eq 2)
$true -xor $true
$x = 5
($x -gt 1) -and ($x -lt 10)
$x -gt 1 -and $x -lt 3 -or $x -eq 5
foreach ($v in @($null, 0, 1, '', 'x', @(), @(0), @(1, 2), '0', 'False')) {
    if ($v) { "'$v' is true" } else { "'$v' is false" }
}
$items = @()
if (-not $items) { 'empty array is false' }
if (!$items) { 'still false' }
