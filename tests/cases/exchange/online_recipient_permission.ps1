# exchange: Online
# Send As in Exchange Online: Add-RecipientPermission asks by default (ConfirmImpact High); -Confirm:$false skips.
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle -Confirm:$false
Get-RecipientPermission karen
