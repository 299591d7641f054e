# exchange: Exchange2010
# update-level: SP3 RU7
# Before RU8, Full Access plus Send on Behalf is Send As with no Send-As entry at all.
Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity helpdesk -GrantSendOnBehalfTo kim
Test-MailboxAccess helpdesk -User kim | Format-List CanOpen,CanSendAs,CanSendOnBehalf,From,Explanation
Get-MailboxAccess -User kim | Format-List Mailbox,Access,Path,From
