# @{Add=…; Remove=…} edits the list; keys are case-insensitive and + / - work too.
Set-Mailbox karen -GrantSendOnBehalfTo @{Add='amy','john'}
Set-Mailbox karen -GrantSendOnBehalfTo @{add='michelle'; Remove='amy'}
Set-Mailbox karen -GrantSendOnBehalfTo @{'+'='kim'; '-'='john'}
(Get-Mailbox karen).GrantSendOnBehalfTo | ForEach-Object { $_.Name }
