# Acceptance step 3: Set-Mailbox writes nothing on success.
Set-Mailbox karen -GrantSendOnBehalfTo amy
