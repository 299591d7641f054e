# Get-MailContact with -Anr, an OPATH -Filter and -SortBy; a wildcard identity.
New-MailContact -Name "Chris Ashton" -ExternalEmailAddress chris@tailspintoys.com -FirstName Chris -LastName Ashton | Out-Null
Get-MailContact -Anr chr | Format-Table Name,ExternalEmailAddress -AutoSize
Get-MailContact -Filter "ExternalEmailAddress -like '*fabrikam*'" | Format-Table Name,PrimarySmtpAddress -AutoSize
Get-MailContact -SortBy Name | Format-Table Name -AutoSize
Get-Contact *Ashton | Format-List Name,FirstName,LastName
