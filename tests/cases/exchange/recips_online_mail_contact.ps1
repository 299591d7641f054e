# exchange: Online
# New-MailContact in Exchange Online: identity is the name; a name in use is refused up front;
# -PrimarySmtpAddress is on-premises only.
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com | Format-List Name,Identity,ExternalDirectoryObjectId
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris2@tailspintoys.com
New-MailContact -Name "Jo Berry" -ExternalEmailAddress jo@tailspintoys.com -PrimarySmtpAddress jo@contoso.com
Get-MailContact ghost
