# A folder entry whose user was deleted prints as NT:<SID> (UserType Unknown) and is removed by that name; the bare SID names no entry.
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Temp Worker" -Alias temp -UserPrincipalName temp@contoso.com -Password $pw | Out-Null
Add-MailboxFolderPermission -Identity karen:\Calendar -User temp -AccessRights Reviewer | Out-Null
Remove-Mailbox temp -Confirm:$false
Get-MailboxFolderPermission -Identity karen:\Calendar
$orphan = Get-MailboxFolderPermission -Identity karen:\Calendar | Where-Object { $_.User -like 'NT:S-1-5-21-*' }
$orphan.User.UserType
$name = $orphan.User.ToString()
Remove-MailboxFolderPermission -Identity karen:\Calendar -User $name.Substring(3) -Confirm:$false
Remove-MailboxFolderPermission -Identity karen:\Calendar -User $name -WhatIf
Remove-MailboxFolderPermission -Identity karen:\Calendar -User $name -Confirm:$false
Get-MailboxFolderPermission -Identity karen:\Calendar
