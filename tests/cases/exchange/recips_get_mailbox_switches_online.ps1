# exchange: Online
# Exchange Online has -PublicFolder and -GroupMailbox but not the on-premises system switches.
Get-Mailbox -PublicFolder
Get-Mailbox -GroupMailbox
Get-Mailbox -Arbitration
Get-User -AuditLog
