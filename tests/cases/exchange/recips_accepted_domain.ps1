# Get-AcceptedDomain on-premises: Contoso's one authoritative domain, the default.
Get-AcceptedDomain
