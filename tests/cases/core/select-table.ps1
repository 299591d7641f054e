# A selection printed by the default formatter: a table with the selected columns.
Get-Mailbox | Select-Object Name, Alias -First 3
