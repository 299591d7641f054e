# An explicit Deny for one member beats the group's Allow; other members keep access.
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess -Deny | Out-Null
Get-MailboxAccess helpdesk
Test-MailboxAccess helpdesk -User kim
# A Deny on the group beats a member's own Allow at the same level (Deny comes first).
Add-MailboxPermission -Identity karen -User david -AccessRights FullAccess | Out-Null
Add-MailboxPermission -Identity karen -User helpdeskagents -AccessRights FullAccess -Deny | Out-Null
Test-MailboxAccess karen -User david | Format-List CanOpen,Explanation
# An explicit Allow for the Administrator beats the inherited Deny of the admin groups.
Test-MailboxAccess john -User Administrator | Format-List CanOpen,Explanation
Add-MailboxPermission -Identity john -User Administrator -AccessRights FullAccess | Out-Null
Test-MailboxAccess john -User Administrator | Format-List CanOpen,Explanation
