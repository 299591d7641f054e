# cwd: temp
# What Format-Table's objects do further down the pipeline.
$ft = Get-Mailbox | Select-Object -First 3 | Format-Table Name, Alias
$ft.Count
(Get-Mailbox | Format-Table | Measure-Object).Count
$ft | ForEach-Object { $_.GetType().FullName }
$ft[0].ClassId2e4f51ef21dd47e99d3c952918aff9cd
$ft[0].shapeInfo.tableColumnInfoList | ForEach-Object { $_.label }
$ft[2].formatEntryInfo.formatPropertyFieldList | ForEach-Object { $_.propertyValue }
$ft[2].outOfBand
"$($ft[0])"
$ft | Select-Object Name
$ft[1] | ConvertTo-Json
$ft | Select-Object -Last 1 | ConvertTo-Json -Compress
# Out-String and Out-File print the table; a second Format-Table passes it through.
$text = $ft | Out-String
$text.Length
$ft | Format-Table
$ft | Out-File t.txt
(Get-Content t.txt).Count
"a", "b" | Format-Table | ForEach-Object { $_.outOfBand }
