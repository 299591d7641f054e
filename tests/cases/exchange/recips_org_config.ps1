# Get-OrganizationConfig on-premises: the organization is named Contoso.
Get-OrganizationConfig | Format-List Name,DisplayName,Identity
