# Send on Behalf for assistants. The file comes from HR with ';' as separator.
$list = Import-Csv .\grant-sendonbehalf-csv.csv -Delimiter ';'
foreach ($entry in $list) {
    Set-Mailbox -Identity $entry.Manager -GrantSendOnBehalfTo @{add=$entry.Assistant}
    Write-Host "Added $($entry.Assistant) to $($entry.Manager)"
}
Write-Host""
foreach ($mgr in ($list | Select-Object -ExpandProperty Manager -Unique)) {
    $mbx = Get-Mailbox $mgr
    Write-Host "$($mbx.DisplayName): $($mbx.GrantSendOnBehalfTo -join '; ')"
}
