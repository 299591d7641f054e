# Acceptance step 4: Editor on Karen's calendar writes the new entry as a table row.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor
