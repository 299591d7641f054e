# exchange: Online
# Exchange Online: the same delegate-list lines, with the tenant's names.
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -Verbose | Out-Null
Remove-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -Confirm:$false -Verbose
