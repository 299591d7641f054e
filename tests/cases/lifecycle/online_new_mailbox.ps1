# exchange: Online
# Exchange Online: New-Mailbox takes -MicrosoftOnlineServicesID; names must be unique; Get-MailboxDatabase doesn't exist.
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Ben Smith" -MicrosoftOnlineServicesID ben@contoso.com -Password $pw | Format-Table Name,Alias,RecipientTypeDetails -AutoSize
New-Mailbox -Name "Karen Berg" -Shared
Remove-Mailbox ben -WhatIf
Get-MailboxDatabase
