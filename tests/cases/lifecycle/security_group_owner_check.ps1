# A security group the admin does not own: membership changes need -BypassSecurityGroupManagerCheck.
New-DistributionGroup -Name "Finance Team" -Type Security -ManagedBy karen | Out-Null
Add-DistributionGroupMember "Finance Team" -Member amy
Add-DistributionGroupMember "Finance Team" -Member amy -BypassSecurityGroupManagerCheck
Get-DistributionGroupMember "Finance Team"
