# exchange: Online
# Exchange Online: a fresh mailbox has only SELF, no inherited rows; Identity is the Name.
Get-MailboxPermission karen
