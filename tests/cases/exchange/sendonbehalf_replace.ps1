# The plain form replaces the whole list; the list prints as canonical names.
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox karen -GrantSendOnBehalfTo john,michelle
Get-Mailbox karen | Format-List GrantSendOnBehalfTo
