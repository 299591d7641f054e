# Sets up one finding of every kind (used by the filter, scope and fix cases).
$pw = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force
New-Mailbox -Name 'Ben Smith' -Alias ben -UserPrincipalName ben@contoso.com -Password $pw | Out-Null
Add-MailboxPermission amy -User ben -AccessRights FullAccess | Out-Null
Add-MailboxFolderPermission 'amy:\Calendar' -User ben -AccessRights Reviewer | Out-Null
Remove-Mailbox ben -Confirm:$false
Add-MailboxPermission karen -User john -AccessRights FullAccess | Out-Null
Set-Mailbox john -Type Shared
Set-Mailbox john -Type Regular
Set-Mailbox michelle -GrantSendOnBehalfTo karen
Set-Mailbox karen -GrantSendOnBehalfTo michelle
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Add-ADPermission 'Help Desk' -User helpdeskagents -ExtendedRights 'Send As' | Out-Null
