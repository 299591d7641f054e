# A removed user leaves orphaned entries (its SID) behind: nobody reaches the mailbox through
# them. -User with the SID explains them; the user's name no longer resolves.
Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess | Out-Null
Add-ADPermission -Identity "Help Desk" -User kim -ExtendedRights "Send As" | Out-Null
Get-MailboxAccess helpdesk
Remove-Mailbox kim -Confirm:$false
Get-MailboxPermission helpdesk -User S-1-5-21-3623811015-3361044348-30300820-1109 | Format-Table User,AccessRights
Get-MailboxAccess helpdesk
Test-MailboxAccess helpdesk -User kim
Test-MailboxAccess helpdesk -User S-1-5-21-3623811015-3361044348-30300820-1109
Get-MailboxAccess -User S-1-5-21-3623811015-3361044348-30300820-1109
