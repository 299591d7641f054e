# Get-Help reads the one signature.
Get-Help Get-PermissionAudit
Get-Help Get-PermissionAudit -Parameter Kind
