# exsh-args: --plan
# org: orgs/granted.json
# One of each kind of change the directory has, in one plan (and its JSON).
New-Mailbox -Name 'Ann Lee' -Alias ann -UserPrincipalName ann@contoso.com -Password (ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force) | Out-Null
New-MailboxFolder -Parent 'karen:\Inbox' -Name 'Board Papers' | Out-Null
Add-MailboxFolderPermission -Identity 'karen:\Inbox\Board Papers' -User john -AccessRights Author | Out-Null
Set-MailboxFolderPermission -Identity 'karen:\Calendar' -User Default -AccessRights Reviewer | Out-Null
Remove-MailboxFolderPermission -Identity 'karen:\Calendar' -User david -Confirm:$false
Add-MailboxPermission -Identity karen -User amy -AccessRights ReadPermission | Out-Null
Add-MailboxPermission -Identity karen -Owner administrator | Out-Null
Add-ADPermission -Identity 'Karen Berg' -User amy -ExtendedRights 'Send As' | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo @{Add = 'amy'; Remove = 'michelle'}
Set-User -Identity karen -Department 'Board'
Set-Mailbox -Identity helpdesk -HiddenFromAddressListsEnabled $true
Set-CalendarProcessing -Identity room1 -AutomateProcessing AutoUpdate
Add-DistributionGroupMember -Identity helpdeskagents -Member amy -BypassSecurityGroupManagerCheck
Set-DistributionGroup -Identity allstaff -ManagedBy karen -BypassSecurityGroupManagerCheck
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess | Out-Null
Set-User -Identity ann -Title 'Analyst'
Set-Mailbox -Identity karen -ForwardingSmtpAddress ann@fabrikam.com -DeliverToMailboxAndForward $true
Add-MailboxPermission -Identity karen -User michelle -AccessRights ReadPermission | Out-Null
