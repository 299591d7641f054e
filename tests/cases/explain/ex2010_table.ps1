# exchange: Exchange2010
# Get-MailboxAccess's default table on Exchange 2010 (EMS on Windows PowerShell 2.0).
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Get-MailboxAccess helpdesk
