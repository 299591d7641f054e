# exchange: Exchange2010
# Exchange 2010: the same refusal, in the 2010 error layout.
Add-MailboxPermission -Identity karen -User allstaff -AccessRights FullAccess
Add-ADPermission -Identity 'Karen Berg' -User partner -ExtendedRights 'Send As'
