# Sort-Object orders the formatting objects by their type names, so Out-Default first sees a
# FormatEndData and stops the run with out-lineoutput's error.
"before"
Get-Mailbox | Select-Object -First 2 | Format-Table Name, Alias | Sort-Object
"after"
