# exchange: Exchange2016
# The system-mailbox switches scripts pass return nothing in an org without such mailboxes; with
# an identity the mailbox is not of that kind, so it is not found.
Get-Mailbox -Arbitration
Get-Mailbox -PublicFolder
Get-Mailbox -AuditLog -ResultSize Unlimited
(Get-Mailbox -Monitoring | Measure-Object).Count
Get-User -Arbitration
Get-Mailbox karen -Arbitration
