# exchange: Exchange2013
# New-DistributionGroup -RequireSenderAuthenticationEnabled exists from Exchange 2016 on (doc:
# New-DistributionGroup); on Exchange 2013 it is not a parameter, so nothing is created.
New-DistributionGroup -Name "Partners" -RequireSenderAuthenticationEnabled $false
Get-DistributionGroup Partners -ErrorAction SilentlyContinue
"none"
