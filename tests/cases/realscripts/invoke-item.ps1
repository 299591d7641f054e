# cwd: temp
# Scripts open the report they wrote; exsh opens no program, and says so.
Get-Mailbox -RecipientTypeDetails SharedMailbox | Select-Object Name | Export-Csv .\shared.csv -NoTypeInformation
Invoke-Item .\shared.csv
"after"
Invoke-Item .\shared.csv -WhatIf
ii .\missing.csv
