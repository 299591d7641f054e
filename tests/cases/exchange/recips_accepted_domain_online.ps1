# exchange: Online
# Exchange Online also holds the tenant's initial domain, contoso.onmicrosoft.com.
Get-AcceptedDomain
(Get-AcceptedDomain | Where-Object { $_.Default }).DomainName
