# A function's objects go down the pipeline as it writes them (about_Pipelines: "one at a time"),
# so its host lines and warnings interleave with its output as in PowerShell, both at the end of a
# pipeline and into a later stage; assigned to a variable, the output is collected.
function Show-Steps { foreach ($i in 1..2) { Write-Host "host $i"; "out $i" } }
Show-Steps
Show-Steps | ForEach-Object { "piped $_" }
function Scale { process { Write-Host "saw $_"; $_ * 10 } }
1..2 | Scale | ForEach-Object { Write-Host "got $_" }
function Warn-After { "first"; Write-Warning "then a warning" }
Warn-After
$x = Show-Steps
"collected: $x"
