# A -User value that names two principals (same display name) is ambiguous.
Set-Mailbox amy -DisplayName 'Karen Berg'
Add-MailboxPermission -Identity john -User 'Karen Berg' -AccessRights FullAccess
