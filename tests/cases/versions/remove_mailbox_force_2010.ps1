# exchange: Exchange2010
# Remove-Mailbox -Force exists from Exchange 2013 on (doc: Remove-Mailbox, -Force "Applicable:"
# line); Exchange 2010 has no such parameter.
Remove-Mailbox john -Force -Confirm:$false
(Get-Mailbox john).Name
