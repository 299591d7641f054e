# Commands exsh does not have fail like PowerShell's CommandNotFoundException; commands that would
# leave the sandbox (web requests, processes, native programs) fail naming themselves
# (docs/reference/core-cmdlets.md); nothing runs and the script continues.
Get-ADUser karen
Invoke-WebRequest https://example.com -UseBasicParsing
Start-Process notepad
.\other.exe /quiet
& 'C:\Tools\tool.exe' -x
. .\helpers.ps1
$u = Get-MsolUser -UserPrincipalName karen@contoso.com
"u is null: $($null -eq $u)"
try { Get-ADGroupMember Admins -ErrorAction Stop } catch { "caught: $($_.CategoryInfo.Reason)" }
'script continued'
