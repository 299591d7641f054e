# exchange: Online
# New-MailUser in Exchange Online: the MicrosoftOnlineServicesID set; -UserPrincipalName is on-premises only.
$pw = ConvertTo-SecureString 'P@ssw0rd25' -AsPlainText -Force
New-MailUser -Name "Ed Meadows" -ExternalEmailAddress ed@tailspintoys.com -MicrosoftOnlineServicesID ed@contoso.com -Password $pw -WhatIf
New-MailUser -Name "Ed Meadows" -ExternalEmailAddress ed@tailspintoys.com -MicrosoftOnlineServicesID ed@contoso.com -Password $pw
Get-MailUser ed@contoso.com | Format-List Name,RecipientTypeDetails,ExternalEmailAddress,MicrosoftOnlineServicesID,PrimarySmtpAddress
New-MailUser -Name "Jo Berry" -ExternalEmailAddress jo@tailspintoys.com -UserPrincipalName jo@contoso.com -Password $pw
