# exchange: Exchange2010
# Exchange 2010 SP1 and later keep the same delegate list.
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -Verbose | Out-Null
Add-MailboxPermission -Identity helpdesk -User 'Domain Admins' -AccessRights FullAccess -Verbose | Out-Null
