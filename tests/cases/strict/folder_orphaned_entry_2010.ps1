# exchange: Exchange2010
# Exchange 2010 lists folder permissions as a list; the orphaned user is NT:<SID> there too.
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Temp Worker" -Alias temp -UserPrincipalName temp@contoso.com -Password $pw | Out-Null
Add-MailboxFolderPermission -Identity karen:\Inbox -User temp -AccessRights Reviewer | Out-Null
Remove-Mailbox temp -Confirm:$false
Get-MailboxFolderPermission -Identity karen:\Inbox | Where-Object { "$($_.User)" -like 'NT:*' } | Format-List FolderName,User,AccessRights
