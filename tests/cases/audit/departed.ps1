# A departed delegate: John's user mailbox ends up with a disabled account (converted to shared and
# back without a password: recipients.md §7), while he still holds access, directly, through a
# group, and in All Staff's Send on Behalf list. Help Desk, a shared mailbox, has a disabled
# account by design (seed 003): its own Full Access on Karen is not reported.
Add-MailboxPermission karen -User john -AccessRights FullAccess | Out-Null
Set-Mailbox karen -GrantSendOnBehalfTo john
Add-MailboxFolderPermission 'karen:\Calendar' -User john -AccessRights Editor | Out-Null
Add-DistributionGroupMember helpdeskagents -Member john
Add-MailboxPermission helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Add-MailboxPermission karen -User helpdesk -AccessRights FullAccess | Out-Null
Set-DistributionGroup allstaff -GrantSendOnBehalfTo john
"Before: $(@(Get-PermissionAudit -Kind DepartedDelegate).Count)"
Set-Mailbox john -Type Shared
Set-Mailbox john -Type Regular
$j = Get-Mailbox john; "$($j.RecipientTypeDetails), AccountDisabled $($j.AccountDisabled)"
Get-PermissionAudit -Kind DepartedDelegate | Format-List Object, Trustee, Permission, Via, Detail, Fix
