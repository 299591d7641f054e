# An accepted domain that does not exist, by name; a wildcard picks the matching ones.
Get-AcceptedDomain fabrikam.com
Get-AcceptedDomain contoso* | Format-List Name,DomainName,DomainType,Default
