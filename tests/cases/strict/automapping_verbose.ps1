# Auto-mapping as Exchange reports it with -Verbose: a mailbox trustee is added to (or, with -AutoMapping $false or Remove-MailboxPermission, removed from) the delegate list; a group trustee is no user mailbox.
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -Verbose | Out-Null
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -Verbose -WarningAction SilentlyContinue | Out-Null
Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess -AutoMapping $false -Verbose -WarningAction SilentlyContinue | Out-Null
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess -Verbose | Out-Null
Add-MailboxPermission -Identity karen -User room1 -AccessRights FullAccess -Verbose | Out-Null
Remove-MailboxPermission -Identity karen -User room1 -AccessRights FullAccess -Confirm:$false -Verbose
Remove-MailboxPermission -Identity karen -User room1 -AccessRights FullAccess -Confirm:$false -Verbose -WarningAction SilentlyContinue
Add-MailboxPermission -Identity helpdesk -User john -AccessRights ReadPermission -Verbose | Out-Null
