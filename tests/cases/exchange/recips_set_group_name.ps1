# Set-DistributionGroup -Name renames the group (its CN; doc: Set-DistributionGroup example 3,
# with -IgnoreNamingPolicy); the display name stays. A name another recipient has is AD's
# "already exists" error for the new CN.
Set-DistributionGroup -Identity "All Staff" -Name "Everyone" -IgnoreNamingPolicy
Get-DistributionGroup Everyone | Format-List Name, DisplayName, Identity, DistinguishedName
Set-DistributionGroup -Identity Everyone -Name "Help Desk Agents"
(Get-DistributionGroup allstaff).Name
