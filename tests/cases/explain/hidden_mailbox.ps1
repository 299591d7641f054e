# A mailbox hidden from address lists: Full Access delegates can't open it and Outlook desktop can't send from it (DOC-PERM).
Set-Mailbox helpdesk -HiddenFromAddressListsEnabled $true
Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess | Out-Null
Test-MailboxAccess helpdesk -User kim | Format-List CanOpen,Explanation
Test-MailboxAccess helpdesk -User amy | Format-List CanOpen,Explanation
Set-Mailbox helpdesk -GrantSendOnBehalfTo kim
Test-MailboxAccess helpdesk -User kim | Format-List From,Explanation
