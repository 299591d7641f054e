# exchange: Online
# Set-Mailbox -ForwardingSmtpAddress and -DeliverToMailboxAndForward (every version, doc:
# Set-Mailbox example 4); Get-Mailbox shows the address as a ProxyAddress with its smtp: prefix;
# $null removes it; an address that is not SMTP is refused.
Set-Mailbox john -DeliverToMailboxAndForward $true -ForwardingSmtpAddress manuel@fabrikam.com
Get-Mailbox john | Format-List DeliverToMailboxAndForward, ForwardingSmtpAddress
Get-Mailbox -Filter "ForwardingSmtpAddress -ne `$null" | Select-Object -ExpandProperty Name
Set-Mailbox john -ForwardingSmtpAddress $null -DeliverToMailboxAndForward $false
Get-Mailbox john | Format-List DeliverToMailboxAndForward, ForwardingSmtpAddress
Set-Mailbox john -ForwardingSmtpAddress "not an address"
