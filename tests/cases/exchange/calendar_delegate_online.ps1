# exchange: Online
# A calendar delegate: Editor with SharingPermissionFlags Delegate (and CanViewPrivateItems), which also gives send on behalf.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate,CanViewPrivateItems
Add-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Editor -SharingPermissionFlags Delegate
Get-MailboxFolderPermission karen:\Calendar
(Get-Mailbox karen).GrantSendOnBehalfTo -join ", "
# Set with SendNotificationToUser and no flags makes Amy a plain Editor again.
Set-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Editor -SendNotificationToUser $false
Get-MailboxFolderPermission karen:\Calendar -User amy
(Get-Mailbox karen).GrantSendOnBehalfTo -join ", "
# Removing a delegate's entry removes their send on behalf too.
Remove-MailboxFolderPermission -Identity karen:\Calendar -User michelle -Confirm:$false
@((Get-Mailbox karen).GrantSendOnBehalfTo).Count
