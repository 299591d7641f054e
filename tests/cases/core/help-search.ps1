# Get-Help with a wildcard lists the matching commands (HelpInfoShort view: Name 33, Category 9,
# Module 25, Synopsis; Help_format_ps1xml.cs), shows the help itself when one matches, and writes
# nothing when none does (HelpCommand reports errors only for a name without wildcards).
# -Parameter prints only that parameter's block (MamlFullParameterControl); a pattern matching
# no parameter is NoParmsFound.
Get-Help *ADPermission*
Get-Help Add-MailboxPermission -Parameter AccessRights
Get-Help Add-MailboxPermission -Parameter *Mapping
Get-Help Add-MailboxPermission -Parameter Nope
Get-Help *Nothing-Like-This*
Get-Help Nothing-Like-This
'done'
# Every command the EMS banner advertises exists: QuickRef and Get-ExBlog open a browser in EMS
# and do nothing here.
QuickRef
Get-ExBlog
help *-MailboxDatabase
