# exchange: Online
# The fixes on Exchange Online (recipient permissions, folder delegates with the Delegate flag).
$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force
New-Mailbox -Name 'Ben Smith' -Alias ben -MicrosoftOnlineServicesID ben@contoso.com -Password $pw | Out-Null
Add-RecipientPermission karen -Trustee ben -AccessRights SendAs -Confirm:$false | Out-Null
Add-MailboxFolderPermission 'karen:\Calendar' -User ben -AccessRights Editor | Out-Null
Remove-Mailbox ben -Confirm:$false
Set-Mailbox amy -GrantSendOnBehalfTo john
Add-MailboxPermission amy -User john -AccessRights FullAccess | Out-Null
Add-RecipientPermission helpdesk -Trustee helpdeskagents -AccessRights SendAs -Confirm:$false | Out-Null
Set-Mailbox kim -GrantSendOnBehalfTo david
Set-Mailbox david -GrantSendOnBehalfTo kim
$before = Get-PermissionAudit
$before | Format-Table Kind, Object, Trustee -AutoSize
. .\lib\fix_all.ps1
