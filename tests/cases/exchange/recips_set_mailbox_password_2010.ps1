# exchange: Exchange2010
# -Password exists from Exchange 2013; Exchange 2010 converts types but has no -Password.
Set-Mailbox room1 -Type Regular
Get-Mailbox room1 | Format-List RecipientTypeDetails,AccountDisabled
Set-Mailbox room1 -Password (ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force)
