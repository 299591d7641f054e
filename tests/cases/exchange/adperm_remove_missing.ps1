# Removing a Send-As ACE that is not there: the attribute variant of the missing-ACE warning.
Remove-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As' -Confirm:$false
