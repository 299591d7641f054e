# Exchange 2019: the pair through a group (Help Desk Agents has Full Access and Send on Behalf on
# Help Desk) is reported per member; the fix takes the member out of the group.
Add-MailboxPermission helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Set-Mailbox helpdesk -GrantSendOnBehalfTo helpdeskagents
Get-PermissionAudit | Format-List Kind, Object, Trustee, Via, Detail, Fix
