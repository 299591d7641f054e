# exchange: Online
# The filter errors in Exchange Online (binding errors, so no Write-ErrorMessage prefix).
Get-Recipient -Filter "IsSecurityPrincipal -eq '$True'"
Get-DistributionGroup -Filter "Name -match 'All'"
