# The alias cmdlets' errors, with PowerShell's texts (SessionStateStrings, AliasCommandStrings,
# DiscoveryExceptions).
Set-Alias say Write-Output
New-Alias say Write-Host
New-Alias ls Write-Host
Get-Alias nosuch
Get-Alias -Definition No-Such-Command
Set-Alias gc Write-Host
Set-Alias cd Write-Host
New-Alias -Name k -Value Write-Output -Option Constant
Set-Alias k Write-Host -Force
New-Alias k Write-Host -Force
Set-Alias broken No-SuchCommand
broken
# Windows PowerShell 5.1 has no Remove-Alias (Remove-Item alias:x removes one).
Remove-Alias say
