# exchange: Online
# Add-MailboxPermission -AccessRights SendAs is refused in Exchange Online too.
Add-MailboxPermission -Identity karen -User michelle -AccessRights SendAs
