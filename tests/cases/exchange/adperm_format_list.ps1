# Format-List of an AD ACE: ExtendedRights prints the schema name Send-As.
Get-ADPermission 'Karen Berg' -User 'NT AUTHORITY\SELF' | Format-List User,ExtendedRights,AccessRights,IsInherited,Deny
