# A misspelt -AccessRights value fails in parameter binding with the enumerator list.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAcess
