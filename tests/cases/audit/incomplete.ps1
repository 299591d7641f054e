# Incomplete delegate setups (seed 002: a delegate gets Send on Behalf plus Editor on Calendar
# and Tasks). Michelle has Send on Behalf without the Calendar; Amy has Editor on Calendar and
# Tasks without Send on Behalf; Kim has Send on Behalf and a Reviewer entry (Set, not Add, fixes
# it). John's Editor on the Calendar alone is sharing, not delegation; the shared and room
# mailboxes' Send on Behalf lists are not delegate setups.
Set-Mailbox karen -GrantSendOnBehalfTo michelle, kim
Add-MailboxFolderPermission 'karen:\Calendar' -User amy -AccessRights Editor | Out-Null
Add-MailboxFolderPermission 'karen:\Tasks' -User amy -AccessRights Editor | Out-Null
Add-MailboxFolderPermission 'karen:\Calendar' -User kim -AccessRights Reviewer | Out-Null
Add-MailboxFolderPermission 'karen:\Calendar' -User john -AccessRights Editor | Out-Null
Set-Mailbox helpdesk -GrantSendOnBehalfTo david
Set-Mailbox room1 -GrantSendOnBehalfTo david
Get-PermissionAudit -Kind IncompleteDelegate | Format-List Object, Trustee, Permission, Detail, Fix
