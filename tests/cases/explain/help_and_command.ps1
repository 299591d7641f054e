# exsh's own cmdlets have help and Get-Command entries like every other cmdlet.
Get-Command Test-MailboxAccess, Get-MailboxAccess
Get-Help Test-MailboxAccess
Get-Help Get-MailboxAccess -Examples
