# exchange: Online
# Get-EXOMailboxPermission: Identity, User, UserSid, AccessRights, IsInherited, Deny,
# InheritanceType as a list; -User filters; piped from Get-EXOMailbox; -Owner.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -InheritanceType All | Out-Null
Get-EXOMailboxPermission -Identity karen
Get-EXOMailboxPermission -Identity karen -User michelle | Format-Table User,AccessRights,IsInherited,Deny -AutoSize
Get-EXOMailbox -RecipientTypeDetails UserMailbox | Get-EXOMailboxPermission | Where-Object { $_.User -ne 'NT AUTHORITY\SELF' } | Format-Table Identity,User,AccessRights -AutoSize
Get-EXOMailboxPermission -Identity karen -Owner
Get-EXOMailboxPermission -Identity karen -User nobody
Get-EXOMailboxPermission -Identity ghost
