# Get-ADPermission on a fresh user object: SELF's Send-As and Receive-As.
Get-ADPermission 'Kim Akers'
