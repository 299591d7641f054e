# exchange: Online
# Remove-Alias exists in PowerShell 6 and later (the Online profile's pwsh 7 window).
Set-Alias say Write-Output
say 'before'
Remove-Alias say
say 'after'
Remove-Alias nosuch
New-Alias -Name ro -Value Write-Output -Option ReadOnly
Remove-Alias ro
Remove-Alias ro -Force
Get-Alias ro
