# exchange: Exchange2019
# Set-Mailbox -ForwardingAddress (every version, doc: Set-Mailbox): a recipient in the org, shown
# as its Id (canonical name on-premises); $null removes it; a name nobody has is refused;
# removing the target recipient removes the forwarding too.
Set-Mailbox john -ForwardingAddress michelle -DeliverToMailboxAndForward $true
Get-Mailbox john | Format-List ForwardingAddress, DeliverToMailboxAndForward
Set-Mailbox john -ForwardingAddress $null
(Get-Mailbox john).ForwardingAddress -eq $null
Set-Mailbox john -ForwardingAddress nobody
Set-Mailbox karen -ForwardingAddress amy
Remove-Mailbox amy -Confirm:$false
(Get-Mailbox karen).ForwardingAddress -eq $null
