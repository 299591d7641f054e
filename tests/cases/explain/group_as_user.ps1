# A group as -User: Test-MailboxAccess answers what membership gives; Get-MailboxAccess lists
# each of its users (nested groups expanded) with what they reach through the group.
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Add-MailboxPermission -Identity karen -User kim -AccessRights FullAccess | Out-Null
Test-MailboxAccess helpdesk -User helpdeskagents
Get-MailboxAccess -User helpdeskagents
'Kim alone also reaches Karen Berg:'
Get-MailboxAccess -User kim | Format-Table Mailbox,Path -AutoSize
