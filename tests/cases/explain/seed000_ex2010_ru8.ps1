# exchange: Exchange2010
# update-level: SP3 RU8
# Seed 000's grants on Exchange 2010 SP3 RU8, where the fix landed: the Send As Deny holds.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Add-ADPermission -Identity "Karen Berg" -User michelle -ExtendedRights "Send As" -Deny | Out-Null
Test-MailboxAccess karen -User michelle
