# 5.1's message for `||`.
Get-Mailbox nobody || Write-Output 'missing'
