# New-Mailbox refuses a UPN, an alias (its address) or a Name that is already used.
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-Mailbox -Name "Karen B" -UserPrincipalName karen@contoso.com -Password $pw
New-Mailbox -Name "Karen B" -Alias karen -UserPrincipalName karen.b@contoso.com -Password $pw
New-Mailbox -Name "Karen Berg" -UserPrincipalName kberg@contoso.com -Password $pw
New-Mailbox -Name "X" -UserPrincipalName x@contoso.com -Password $pw -Database DB09
(Get-Mailbox).Count
