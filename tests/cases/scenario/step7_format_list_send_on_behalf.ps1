# Acceptance step 7: GrantSendOnBehalfTo prints canonical names in braces.
Set-Mailbox karen -GrantSendOnBehalfTo amy
Get-Mailbox karen | Format-List Name,GrantSendOnBehalfTo
