# cwd: temp
# Out-File, '>' and Out-String lay out at the host's buffer width less one (119 here: no console,
# so 120 columns); -Width sets it.
Get-MailboxPermission karen | Out-File p.txt
(Get-Content p.txt | Measure-Object -Property Length -Maximum).Maximum
Get-MailboxPermission karen > q.txt
(Get-Content q.txt | Measure-Object -Property Length -Maximum).Maximum
Get-MailboxPermission karen | Out-File r.txt -Width 80
Get-Content r.txt
(Get-MailboxPermission karen | Out-String).Split("`n") | Measure-Object -Property Length -Maximum | ForEach-Object Maximum
Get-Mailbox | Select-Object -First 2 | Out-String -Width 40 -Stream
(Get-Mailbox | Select-Object -First 2 | Out-String -Stream).Count
Get-Mailbox | Out-String -Width 1
Get-Mailbox | Out-File s.txt -Width 0
"done"
