# cwd: temp
# Get-MailboxAccess rows are flat strings and booleans, so Export-Csv writes useful columns.
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity helpdesk -GrantSendOnBehalfTo kim
Get-MailboxAccess helpdesk | Export-Csv access.csv -NoTypeInformation
Get-Content access.csv
Import-Csv access.csv | Where-Object { $_.SendOnBehalf -eq 'True' } | Format-Table Mailbox,User,From -AutoSize
Test-MailboxAccess helpdesk -User kim | Select-Object Identity,User,CanOpen,From | ConvertTo-Csv -NoTypeInformation
