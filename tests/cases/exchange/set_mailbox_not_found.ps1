# Set-Mailbox on an unknown mailbox, and on a recipient that is not a mailbox (a contact).
Set-Mailbox ghost -GrantSendOnBehalfTo amy
Set-Mailbox partner -GrantSendOnBehalfTo amy
