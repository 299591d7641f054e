# Removing a right that exists only as an inherited ACE: the inherited-ACE warning with AD rights names.
Remove-MailboxPermission -Identity karen -User 'NT AUTHORITY\SYSTEM' -AccessRights FullAccess -Confirm:$false
