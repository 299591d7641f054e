# Acceptance step 1: Full Access for Michelle on Karen's mailbox writes the new ACE as a table row.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -InheritanceType All
