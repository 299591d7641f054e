# org: orgs/recips_mail_user.json
# Get-MailUser lists mail users only; Get-Recipient tells a mail user from a mail contact.
Get-MailUser
Get-MailUser ed | Format-List Name,RecipientTypeDetails,ExternalEmailAddress,UserPrincipalName,PrimarySmtpAddress
Get-Recipient -RecipientType MailUser,MailContact | Format-Table Name,RecipientType,RecipientTypeDetails
Get-MailUser partner
