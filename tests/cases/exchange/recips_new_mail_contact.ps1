# New-MailContact creates a contact that Get-MailContact, Get-Contact and Get-Recipient find.
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress "chris@tailspintoys.com"
Get-MailContact chris@tailspintoys.com | Format-List Name,Alias,DisplayName,ExternalEmailAddress,PrimarySmtpAddress,RecipientTypeDetails
Get-Recipient -RecipientTypeDetails MailContact | Format-Table Name,RecipientTypeDetails
