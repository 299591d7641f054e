# exchange: Online
# On Exchange Online the explain cmdlets' errors are local records in PowerShell 7's view.
Test-MailboxAccess nobody -User michelle
Get-MailboxAccess -User nobody
