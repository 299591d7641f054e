# A mail contact without MasterAccountSid cannot be a delegate; groups and shared mailboxes can.
Set-Mailbox karen -GrantSendOnBehalfTo partner
Set-Mailbox karen -GrantSendOnBehalfTo allstaff,helpdeskagents,helpdesk
Get-Mailbox karen | Format-List GrantSendOnBehalfTo
