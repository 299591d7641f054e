# Send As granted twice: the duplicate warning names the DN; the row is still written.
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send-As' | Out-Null
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As'
