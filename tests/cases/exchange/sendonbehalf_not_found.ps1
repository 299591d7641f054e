# A delegate that does not exist: ErrorRecipientNotFound, and the list is unchanged.
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox karen -GrantSendOnBehalfTo nobody
(Get-Mailbox karen).GrantSendOnBehalfTo.Count
