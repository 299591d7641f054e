# Export-Csv then Import-Csv: quoting, embedded quotes and commas, the #TYPE line without -NoTypeInformation.
$file = 'qa-csv-roundtrip.csv'
$rows = @(
    [PSCustomObject]@{ Mailbox = 'karen'; User = 'michelle'; Rights = 'FullAccess' }
    [PSCustomObject]@{ Mailbox = 'bob, jr'; User = 'al "the" pal'; Rights = '' }
)
$rows | Export-Csv -Path $file -NoTypeInformation
Get-Content $file
$back = Import-Csv $file
$back.Count
$back[1].User
$back | ForEach-Object { "$($_.Mailbox) -> $($_.User) [$($_.Rights)]" }
$rows | Export-Csv $file
Get-Content $file -TotalCount 1
Remove-Item $file
