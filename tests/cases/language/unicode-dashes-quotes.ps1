# Copy-pasted from the web: en-dash and em-dash parameter dashes, curly double and single quotes.
Write-Host “Curly double quotes with $(1 + 1)” –ForegroundColor Green
Write-Host ‘Curly single $quotes’ —NoNewline
Write-Host ' end'
$x = 5
if ($x –gt 3 –and $x –lt 10) { “dash operators work” }
$rows = [PSCustomObject]@{ A = 1 }
$rows | Select-Object –ExpandProperty A
