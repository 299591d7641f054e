# Copied from a blog post: en dashes and curly quotes, UTF-8 with BOM, CRLF.
$Mailbox = “helpdesk”
$Delegate = ‘david’
Add-MailboxPermission –Identity $Mailbox –User $Delegate –AccessRights FullAccess –InheritanceType All –AutoMapping $false | Out-Null
Add-ADPermission –Identity “Help Desk” –User $Delegate –ExtendedRights “Send As” | Out-Null
Write-Host “Full Access and Send As granted to $Delegate on $Mailbox”
Get-MailboxPermission $Mailbox –User $Delegate | Select-Object Identity,User,AccessRights | Export-Csv .\blog-style-grant.csv –NoTypeInformation
Get-Content .\blog-style-grant.csv
Remove-Item .\blog-style-grant.csv
