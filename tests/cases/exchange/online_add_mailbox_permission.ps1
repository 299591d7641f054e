# exchange: Online
# Exchange Online prints the trustee as its UPN.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited }
