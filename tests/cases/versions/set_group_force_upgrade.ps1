# exchange: Exchange2019
# Set-DistributionGroup has -ForceUpgrade and no -Force (doc: Set-DistributionGroup); -Force is
# a unique prefix of -ForceUpgrade, so scripts that pass it still bind.
Set-DistributionGroup "All Staff" -DisplayName "All Staff (Contoso)" -ForceUpgrade
Set-DistributionGroup "All Staff" -DisplayName "All Staff" -Force
(Get-DistributionGroup "All Staff").DisplayName
# -IgnoreNamingPolicy (every version) binds; exsh's org has no naming policy to skip.
Set-DistributionGroup "All Staff" -DisplayName "All Staff (all)" -IgnoreNamingPolicy
(Get-DistributionGroup "All Staff").DisplayName
