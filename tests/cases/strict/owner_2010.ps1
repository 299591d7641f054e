# exchange: Exchange2010
# Exchange 2010: the owner is stored the same way.
Add-MailboxPermission -Identity room1 -Owner kim | Out-Null
Get-MailboxPermission room1 -Owner | Format-List Owner
