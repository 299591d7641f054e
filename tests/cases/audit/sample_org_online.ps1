# exchange: Online
# The sample org on Exchange Online (SELF Allow SendAs on every mailbox is the owner's own entry).
"Findings: $(@(Get-PermissionAudit).Count)"
