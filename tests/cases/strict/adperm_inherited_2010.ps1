# exchange: Exchange2010
# Exchange 2010 prepares the domain the same way: the inherited entries are there too.
Get-ADPermission 'Kim Akers' | Where-Object { $_.IsInherited } | Format-Table User,AccessRights -AutoSize
