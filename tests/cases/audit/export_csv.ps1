# cwd: temp
# Findings pipe to Export-Csv like any object (Fix included).
Add-ADPermission 'Help Desk' -User helpdeskagents -ExtendedRights 'Send As' | Out-Null
Get-PermissionAudit -Kind SendAs | Export-Csv .\send-as.csv -NoTypeInformation
Get-Content .\send-as.csv
Import-Csv .\send-as.csv | Format-Table Object, Trustee, Via -AutoSize
