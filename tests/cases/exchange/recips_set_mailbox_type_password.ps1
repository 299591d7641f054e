# Set-Mailbox -Type: converting to Shared disables the account; converting back to Regular leaves
# it disabled until a password is given; a password can't be set on a shared mailbox.
$pw = ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force
Set-Mailbox amy -Type Shared
Get-Mailbox amy | Format-List Name,RecipientTypeDetails,AccountDisabled
Set-Mailbox amy -Password $pw
Set-Mailbox amy -Type Regular
Get-User amy | Format-List Name,RecipientTypeDetails,AccountDisabled
Set-Mailbox amy -Password $pw -ResetPasswordOnNextLogon $true
Get-User amy | Format-List AccountDisabled
Set-Mailbox helpdesk -Type Regular -Password $pw
Get-Mailbox helpdesk | Format-List RecipientTypeDetails,AccountDisabled
