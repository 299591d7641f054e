# exchange: Exchange2010
# update-level: SP3 RU7
# exsh-args: --plan
# Before Exchange 2010 SP3 RU8, Full Access plus Send on Behalf lets the delegate send as the
# mailbox (seed 000): granting both shows Michelle gaining Send As through that rule.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
