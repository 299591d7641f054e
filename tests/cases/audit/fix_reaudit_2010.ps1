# exchange: Exchange2010
# update-level: SP3 RU7
# The fixes on Exchange 2010 before SP3 RU8 (the pair is also a Send As finding).
. .\lib\findings.ps1
$before = Get-PermissionAudit
$before | Format-Table Kind, Object, Trustee -AutoSize
. .\lib\fix_all.ps1
