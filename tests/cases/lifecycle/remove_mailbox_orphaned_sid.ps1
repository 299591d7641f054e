# A removed mailbox leaves its ACEs behind: Get-MailboxPermission on Karen's mailbox then
# shows the deleted account's SID in the User column (an orphaned entry).
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Temp Worker" -Alias temp -UserPrincipalName temp@contoso.com -Password $pw | Out-Null
Add-MailboxPermission -Identity karen -User temp -AccessRights FullAccess -InheritanceType All | Out-Null
Set-Mailbox karen -GrantSendOnBehalfTo temp
Add-DistributionGroupMember allstaff -Member temp
Remove-Mailbox temp -Confirm:$false
Get-MailboxPermission karen | Where-Object { $_.IsInherited -eq $false } | Format-Table User,AccessRights,IsInherited,Deny -AutoSize
Get-MailboxPermission karen | Where-Object { $_.User.ToString() -like 'S-1-5-21-*' } | ForEach-Object { $_.User.ToString() }
(Get-Mailbox karen).GrantSendOnBehalfTo.Count
(Get-DistributionGroupMember allstaff).Count
Get-Mailbox temp
