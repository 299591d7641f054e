# exchange: Online
# Online: the orphaned Send As entry is a recipient permission, removed with Remove-RecipientPermission.
$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force
New-Mailbox -Name 'Ben Smith' -Alias ben -MicrosoftOnlineServicesID ben@contoso.com -Password $pw | Out-Null
Add-MailboxPermission karen -User ben -AccessRights FullAccess | Out-Null
Add-RecipientPermission karen -Trustee ben -AccessRights SendAs -Confirm:$false | Out-Null
Add-MailboxFolderPermission 'karen:\Calendar' -User ben -AccessRights Editor | Out-Null
Remove-Mailbox ben -Confirm:$false
Get-PermissionAudit | Format-List Kind, Object, Permission, Detail, Fix
