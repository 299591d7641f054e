# A distribution group or a mail contact is no security principal: Full Access, Send As and the owner refuse it, and nothing changes; a mail-enabled security group is accepted.
Add-MailboxPermission -Identity karen -User allstaff -AccessRights FullAccess
Add-MailboxPermission -Identity karen -User 'All Staff' -AccessRights FullAccess
Add-MailboxPermission -Identity karen -User partner -AccessRights FullAccess
Add-ADPermission -Identity 'Karen Berg' -User allstaff@contoso.com -ExtendedRights 'Send As'
Add-MailboxPermission -Identity karen -Owner allstaff
Get-MailboxPermission karen -User allstaff
Add-MailboxPermission -Identity karen -User helpdeskagents -AccessRights FullAccess
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited } | Format-Table User,AccessRights -AutoSize
Remove-MailboxPermission -Identity karen -User allstaff -AccessRights FullAccess -Confirm:$false
Remove-ADPermission -Identity 'Karen Berg' -User allstaff -ExtendedRights 'Send As' -Confirm:$false
