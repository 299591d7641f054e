# exchange: Exchange2010
# Mailbox and AD permissions in Exchange 2010 (same shapes as later versions).
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As'
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle
