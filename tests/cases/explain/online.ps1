# exchange: Online
# Exchange Online: Send As lives in Get-RecipientPermission, there is no database Receive-As,
# and the Delegate flag of a Calendar entry makes a delegate.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Add-RecipientPermission karen -Trustee michelle -AccessRights SendAs -Confirm:$false | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Test-MailboxAccess karen -User michelle
Add-MailboxFolderPermission -Identity karen:\Calendar -User amy -AccessRights Editor -SharingPermissionFlags Delegate | Out-Null
Test-MailboxAccess karen -User amy | Format-List IsDelegate,FolderRights,Explanation
Get-MailboxAccess karen
