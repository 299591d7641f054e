# New-Mailbox creates a user mailbox and writes it in Get-Mailbox's default table.
$password = ConvertTo-SecureString -String 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Ben Smith" -Alias ben -UserPrincipalName ben@contoso.com -Password $password -FirstName Ben -LastName Smith -Database DB02
Get-Mailbox ben | Format-List Name,Alias,DisplayName,FirstName,LastName,UserPrincipalName,PrimarySmtpAddress,Database,RecipientTypeDetails,OrganizationalUnit
Get-User ben | Format-List SamAccountName,Sid,AccountDisabled
