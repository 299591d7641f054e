# Get-ADPermission on a fresh user object: SELF's Send-As and Receive-As, then the entries it inherits from the domain.
Get-ADPermission 'Kim Akers'
