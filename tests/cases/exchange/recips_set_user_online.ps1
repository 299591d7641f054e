# exchange: Online
# Set-User in Exchange Online: no -DomainController; errors in the Write-ErrorMessage layout.
Set-User karen -DisplayName "Karen B." -DomainController dc01.contoso.com
Set-User karen -DisplayName "Karen B."
Get-User karen | Format-List DisplayName
Set-User ghost -Title x
