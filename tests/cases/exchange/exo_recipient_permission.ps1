# exchange: Online
# Get-EXORecipientPermission: Send As entries of every recipient or of one; -Trustee filters;
# an unknown trustee or identity is the REST client's error.
Add-RecipientPermission helpdesk -AccessRights SendAs -Trustee kim -Confirm:$false | Out-Null
Get-EXORecipientPermission helpdesk
Get-EXORecipientPermission -AccessRights SendAs -ResultSize Unlimited | Where-Object { $_.Trustee -ne 'NT AUTHORITY\SELF' } | Select-Object Identity, Trustee, AccessRights
Get-EXORecipientPermission -Trustee kim@contoso.com | Format-Table Identity,Trustee -AutoSize
Get-EXORecipientPermission -Identity helpdesk -Trustee nobody
Get-EXORecipientPermission -Identity ghost
