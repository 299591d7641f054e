# New-MailUser on-premises: an enabled account with a UPN, or (DisabledUser set) a disabled one;
# Get-Recipient tells the mail user from a mail contact.
$pw = ConvertTo-SecureString 'P@ssw0rd25' -AsPlainText -Force
New-MailUser -Name "Ed Meadows" -ExternalEmailAddress ed@tailspintoys.com -UserPrincipalName ed@contoso.com -Password $pw
New-MailUser "Jo Berry" -ExternalEmailAddress jo@tailspintoys.com -WhatIf
New-MailUser "Jo Berry" -ExternalEmailAddress jo@tailspintoys.com | Out-Null
Get-User -RecipientTypeDetails MailUser | Format-Table Name,UserPrincipalName,AccountDisabled -AutoSize
Get-Recipient -RecipientTypeDetails MailUser,MailContact | Format-Table Name,RecipientTypeDetails,ExternalEmailAddress -AutoSize
New-MailUser -Name "Ed Two" -ExternalEmailAddress ed2@tailspintoys.com -UserPrincipalName ed@contoso.com -Password $pw
