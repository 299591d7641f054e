# A mailbox database carries inherited Deny Send-As / Receive-As for the admin groups.
Get-ADPermission DB01 | Format-Table User,Deny,IsInherited,ExtendedRights -AutoSize
