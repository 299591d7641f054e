# exchange: Online
# The AD permission cmdlets do not exist in Exchange Online.
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As'
Get-ADPermission 'Karen Berg'
