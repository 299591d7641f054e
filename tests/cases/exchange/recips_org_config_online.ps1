# exchange: Online
# Exchange Online names the organization after its initial domain.
(Get-OrganizationConfig).Name
Get-OrganizationConfig -DomainController dc01.contoso.com
