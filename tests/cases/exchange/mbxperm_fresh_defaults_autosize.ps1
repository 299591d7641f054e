# The same rows with nothing cut.
Get-MailboxPermission kim | Format-Table User,AccessRights,IsInherited,Deny -AutoSize
