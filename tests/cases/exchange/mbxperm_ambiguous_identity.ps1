# Two mailboxes with the same display name make the display name ambiguous for Add (single object), while Get writes both.
Set-Mailbox amy -DisplayName 'Karen Berg'
Add-MailboxPermission -Identity 'Karen Berg' -User michelle -AccessRights FullAccess
Get-Mailbox 'Karen Berg'
