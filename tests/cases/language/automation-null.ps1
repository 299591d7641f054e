# An empty pipeline result assigned to a variable is AutomationNull.Value: it compares equal to
# $null but enumerates to nothing, while $null itself goes down a pipeline once.
$x = Get-Mailbox -Filter 'Name -eq "nobody"'
$x | ForEach-Object { 'ran x' }
$null | ForEach-Object { 'ran null' }
"count x: $(@($x).Count)"
"count null: $(@($null).Count)"
"eq null: $($x -eq $null) $($null -eq $x)"
"not: $(-not $x)"
"length: $($x.Count)"
$y = $x
$y | ForEach-Object { 'ran y' }
(Get-Mailbox -Filter 'Name -eq "nobody"') | ForEach-Object { 'ran paren' }
$(Get-Mailbox -Filter 'Name -eq "nobody"') | ForEach-Object { 'ran subexpression' }
function Find-Nobody { $r = Get-Mailbox -Filter 'Name -eq "nobody"'; $r }
"function: $(@(Find-Nobody).Count)"
$z = if ($false) { 1 }
"if: $(@($z).Count)"
[string]$s = Get-Mailbox -Filter 'Name -eq "nobody"'
"typed: $(@($s).Count)"
$x = 5
$x | ForEach-Object { "ran $_" }
foreach ($i in $y) { 'loop y' }
$n = $null
$n | ForEach-Object { 'ran n' }
