# Format-List of a mailbox: the properties admins read most, in Exchange's order.
Get-Mailbox karen | Format-List
