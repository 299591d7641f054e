# -Owner of Add-MailboxPermission and Add-ADPermission is stored (mailboxOwner, adOwner in the org file) and shown by -Owner of the Get cmdlets; the defaults are NT AUTHORITY\SELF and Domain Admins.
Get-MailboxPermission room1 -Owner | Format-List Owner
Get-ADPermission 'Conference Room 1' -Owner | Format-List Owner
Add-MailboxPermission -Identity room1 -Owner kim
Add-ADPermission -Identity 'Conference Room 1' -Owner 'CONTOSO\david'
Add-ADPermission -Identity DB02 -Owner helpdeskagents | Format-List Owner,Identity
Get-MailboxPermission room1 -Owner | Format-List Owner
Get-ADPermission 'Conference Room 1' -Owner | Format-List Owner
Get-ADPermission DB02 -Owner | Format-List Owner
