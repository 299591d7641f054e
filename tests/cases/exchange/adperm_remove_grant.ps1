# Grant then remove Send As: Remove writes nothing, and the ACE is gone.
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As' | Out-Null
Remove-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As' -Confirm:$false
Get-ADPermission 'Karen Berg' -User michelle
'none left'
