# Add-ADPermission and Get-ADPermission on an unknown object.
Add-ADPermission -Identity 'No Such User' -User michelle -ExtendedRights 'Send As'
Get-ADPermission 'No Such User'
