# exchange: Exchange2016
# From Exchange 2013 on, a shared mailbox can keep a copy of what its Send As and Send on
# Behalf delegates send (doc: Set-Mailbox); setting a value it already has changes nothing.
Set-Mailbox helpdesk -MessageCopyForSentAsEnabled $true -MessageCopyForSendOnBehalfEnabled $true
Get-Mailbox helpdesk | Format-List MessageCopyFor*
Set-Mailbox helpdesk -MessageCopyForSentAsEnabled $true
Set-Mailbox helpdesk -MessageCopyForSendOnBehalfEnabled $false
(Get-Mailbox helpdesk).MessageCopyForSendOnBehalfEnabled
