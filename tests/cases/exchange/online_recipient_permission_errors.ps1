# exchange: Online
# Duplicate grant warns; removing a missing one warns; a bad right fails in binding; an unknown trustee errors.
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle -Confirm:$false | Out-Null
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle -Confirm:$false
Remove-RecipientPermission karen -AccessRights SendAs -Trustee amy -Confirm:$false
Add-RecipientPermission karen -AccessRights SendAs -Trustee nobody -Confirm:$false
