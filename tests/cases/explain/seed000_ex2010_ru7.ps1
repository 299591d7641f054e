# exchange: Exchange2010
# update-level: SP3 RU7
# Seed 000: before Exchange 2010 SP3 RU8, Full Access plus Send on Behalf acts as Send As, even
# with an explicit Send As Deny. The explanation names the rule and the Deny it overrides.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Add-ADPermission -Identity "Karen Berg" -User michelle -ExtendedRights "Send As" -Deny | Out-Null
Test-MailboxAccess karen -User michelle
Get-MailboxAccess karen | Format-Table Mailbox,User,Access,From -AutoSize
# Full Access alone is not enough, even before RU8.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess | Out-Null
Test-MailboxAccess karen -User amy | Format-List CanOpen,CanSendAs,From
