# A hashtable key other than Add/+/Remove/-.
Set-Mailbox karen -GrantSendOnBehalfTo @{Replace='amy'}
