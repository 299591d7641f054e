# $null clears every delegate.
Set-Mailbox karen -GrantSendOnBehalfTo amy,john
Set-Mailbox karen -GrantSendOnBehalfTo $null
Get-Mailbox karen | Format-List Name,GrantSendOnBehalfTo
