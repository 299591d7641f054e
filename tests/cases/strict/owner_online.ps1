# exchange: Online
# Exchange Online: Add-MailboxPermission -Owner and Get-MailboxPermission -Owner (no *-ADPermission).
Add-MailboxPermission -Identity room1 -Owner kim | Format-List Owner
Get-MailboxPermission room1 -Owner | Format-List Owner
