# exchange: Online
# Online: a Calendar entry with the Delegate flag is a delegate; taking Send on Behalf away leaves
# the flag without it. The fix for Send on Behalf alone adds the flag too.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate | Out-Null
"Delegate: $(@(Get-PermissionAudit).Count) findings"
Set-Mailbox karen -GrantSendOnBehalfTo @{remove='michelle'}
Set-Mailbox amy -GrantSendOnBehalfTo john
Get-PermissionAudit -Kind IncompleteDelegate | Format-List Object, Trustee, Permission, Detail, Fix
