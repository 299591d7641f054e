# exchange: Online
# Exchange Online has -Password but not -ResetPasswordOnNextLogon.
$pw = ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force
Set-Mailbox projector1 -Type Regular -Password $pw
Get-Mailbox projector1 | Format-List RecipientTypeDetails,AccountDisabled
Set-Mailbox projector1 -Password $pw -ResetPasswordOnNextLogon $true
Set-Mailbox helpdesk -Password $pw
