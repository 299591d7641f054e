# Get-User's default table.
Get-User
