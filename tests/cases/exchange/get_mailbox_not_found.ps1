# Get-Mailbox with an unknown identity, and with a contact's name (not a mailbox).
Get-Mailbox nobody
Get-Mailbox partner
