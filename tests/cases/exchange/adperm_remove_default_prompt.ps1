# stdin: n
# Remove-ADPermission asks by default (ConfirmImpact High); answering N keeps the ACE.
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As' | Out-Null
Remove-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As'
(Get-ADPermission 'Karen Berg' -User michelle).Count
