# Windows PowerShell 5.1 (EMS) has no pipeline chains: its tokenizer rejects `&&`, and nothing runs.
'before'
Get-Mailbox karen && Write-Output 'found'
