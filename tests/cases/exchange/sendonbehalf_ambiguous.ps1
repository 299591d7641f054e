# A delegate identity that matches two recipients.
Set-Mailbox john -DisplayName 'Amy Alberts'
Set-Mailbox karen -GrantSendOnBehalfTo 'Amy Alberts'
