# Get-Mailbox's default table lists every mailbox in creation order.
Get-Mailbox
