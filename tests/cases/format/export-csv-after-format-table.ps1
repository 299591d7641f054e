# cwd: temp
# Export-Csv after Format-Table writes the formatting objects, not the mailboxes
# (Export-Csv's help, example "Format-Table | Export-Csv").
Get-Mailbox | Select-Object -First 2 | Format-Table Name, Alias | Export-Csv x.csv
Get-Content x.csv
Get-Mailbox | Select-Object -First 1 | Format-List Name | Export-Csv -NoTypeInformation y.csv
Get-Content y.csv
