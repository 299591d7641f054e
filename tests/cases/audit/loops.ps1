# Delegation loops (seed 003): Karen is a delegate of Michelle, Michelle of Amy, Amy of Karen;
# and Kim and David are each other's delegates. A delegate here is a user named directly in a
# mailbox's GrantSendOnBehalfTo. A group entry (All Staff) makes no loop.
Set-Mailbox michelle -GrantSendOnBehalfTo karen
Set-Mailbox amy -GrantSendOnBehalfTo michelle
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox kim -GrantSendOnBehalfTo david
Set-Mailbox david -GrantSendOnBehalfTo kim
Set-Mailbox john -GrantSendOnBehalfTo allstaff
Set-Mailbox michelle -GrantSendOnBehalfTo @{add='john'}
Get-PermissionAudit -Kind DelegationLoop | Format-List Object, Trustee, Detail, Fix
