# exchange: Exchange2019
# From Exchange 2016 on, New-DistributionGroup takes -RequireSenderAuthenticationEnabled.
New-DistributionGroup -Name "Partners" -RequireSenderAuthenticationEnabled $false | Format-List Name, Alias
