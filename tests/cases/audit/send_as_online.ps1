# exchange: Online
Add-RecipientPermission helpdesk -Trustee helpdeskagents -AccessRights SendAs -Confirm:$false | Out-Null
Add-RecipientPermission karen -Trustee michelle -AccessRights SendAs -Confirm:$false | Out-Null
Get-PermissionAudit -Kind SendAs | Format-List Object, Trustee, Via, Detail, Fix
