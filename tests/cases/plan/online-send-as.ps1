# exchange: Online
# exsh-args: --plan
# Exchange Online: Send As is a recipient permission (Add-RecipientPermission); Full Access through
# a group; the plan shows both and who gains what.
Add-RecipientPermission -Identity helpdesk -Trustee michelle -AccessRights SendAs -Confirm:$false | Out-Null
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity helpdesk -GrantSendOnBehalfTo @{Add = 'amy'}
