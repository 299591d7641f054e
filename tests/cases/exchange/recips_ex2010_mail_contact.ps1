# exchange: Exchange2010
# New-MailContact and its errors in the Exchange 2010 layout.
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com | Format-List Name,Alias,ExternalEmailAddress
New-MailContact -Name "Chris Two" -ExternalEmailAddress chris@tailspintoys.com
