# SendAs through Add-MailboxPermission is refused on-premises.
Add-MailboxPermission -Identity karen -User michelle -AccessRights SendAs
