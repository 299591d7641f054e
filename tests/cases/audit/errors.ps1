# Error cases: a kind outside the ValidateSet, a mailbox that doesn't exist, a recipient that is
# not a mailbox (a group), an ambiguous name.
Get-PermissionAudit -Kind Loops
Get-PermissionAudit -Identity nobody
Get-PermissionAudit -Identity allstaff
Get-PermissionAudit -Identity '*'
"still running"
try { Get-PermissionAudit -Identity nobody -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
