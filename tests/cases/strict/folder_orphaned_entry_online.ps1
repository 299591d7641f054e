# exchange: Online
# Exchange Online shows and removes an orphaned folder entry the same way.
New-Mailbox -Name "Temp Worker" -Alias temp -MicrosoftOnlineServicesID temp@contoso.com -Password (ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force) | Out-Null
Add-MailboxFolderPermission -Identity karen:\Calendar -User temp -AccessRights Reviewer | Out-Null
Remove-Mailbox temp -Confirm:$false
$name = (Get-MailboxFolderPermission -Identity karen:\Calendar | Where-Object { $_.User -like 'NT:*' }).User.ToString()
Get-MailboxFolderPermission -Identity karen:\Calendar -User $name
Remove-MailboxFolderPermission -Identity karen:\Calendar -User $name -Confirm:$false
Get-MailboxFolderPermission -Identity karen:\Calendar -User $name
