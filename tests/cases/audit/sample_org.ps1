# The built-in sample org has no explicit grant (sample-org.md "Permissions at the start"): the
# audit finds nothing. The owners' own SELF entries are not Send As findings.
Get-PermissionAudit
"Findings: $(@(Get-PermissionAudit).Count)"
Get-Command Get-PermissionAudit | Format-Table CommandType, Name, Source -AutoSize
