# exchange: Exchange2010
# update-level: SP3 RU7
# The sample org on Exchange 2010 before SP3 RU8: still nothing to report.
"Findings: $(@(Get-PermissionAudit).Count)"
