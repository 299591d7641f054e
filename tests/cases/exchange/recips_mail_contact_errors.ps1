# New-MailContact errors: an address another recipient uses, a name in use, an invalid address;
# Get-MailContact on a mailbox finds nothing.
New-MailContact -Name "Partner Two" -ExternalEmailAddress partner@fabrikam.com
New-MailContact -Name "Fabrikam Partner" -ExternalEmailAddress info@fabrikam.com
New-MailContact -Name "Nobody" -ExternalEmailAddress nobody
Get-MailContact karen
Get-MailContact
