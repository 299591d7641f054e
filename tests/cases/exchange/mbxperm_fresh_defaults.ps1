# A fresh on-premises mailbox: SELF plus the 13 inherited default rows.
Get-MailboxPermission kim
