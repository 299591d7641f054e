# exchange: Exchange2010
# The Exchange 2010 error layout: no [Server=…] prefix, target (0:Int32).
Get-Mailbox ghost
Add-MailboxPermission -Identity karen -User nobody -AccessRights FullAccess
