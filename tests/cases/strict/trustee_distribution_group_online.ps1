# exchange: Online
# Exchange Online: Add-RecipientPermission and Add-MailboxPermission refuse a distribution group or a contact (V3 layout).
Add-RecipientPermission karen -AccessRights SendAs -Trustee allstaff -Confirm:$false
Add-MailboxPermission -Identity karen -User partner -AccessRights FullAccess
Get-RecipientPermission karen | Format-Table Trustee,AccessRights -AutoSize
Get-RecipientPermission karen -Trustee allstaff
Remove-RecipientPermission karen -AccessRights SendAs -Trustee partner -Confirm:$false
