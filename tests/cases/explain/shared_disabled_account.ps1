# A shared mailbox's own account is disabled: its SELF entries still count, and the explanation
# says nobody signs in as it. Access to a shared mailbox comes from Full Access grants.
Test-MailboxAccess helpdesk -User helpdesk
Add-MailboxPermission -Identity karen -User helpdesk -AccessRights FullAccess | Out-Null
Test-MailboxAccess karen -User helpdesk | Format-List CanOpen,Explanation
Get-MailboxAccess -User helpdesk
Get-MailboxAccess room1
