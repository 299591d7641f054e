# exchange: Exchange2010
# Set-Mailbox -MessageCopyForSentAsEnabled and -MessageCopyForSendOnBehalfEnabled exist from
# Exchange 2013 on (doc: Set-Mailbox "Applicable:" lines); Exchange 2010 has neither, but has
# -DeliverToMailboxAndForward and -ForwardingSmtpAddress.
Set-Mailbox helpdesk -MessageCopyForSentAsEnabled $true
Set-Mailbox helpdesk -MessageCopyForSendOnBehalfEnabled $true
Set-Mailbox helpdesk -DeliverToMailboxAndForward $true -ForwardingSmtpAddress support@fabrikam.com
Get-Mailbox helpdesk | Format-List DeliverToMailboxAndForward, ForwardingSmtpAddress
