# A role and an individual right in one -AccessRights value.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Reviewer,CreateItems
