# Get-DistributionGroup's default table, a filter by type and owner, and one group's details.
Get-DistributionGroup
Get-DistributionGroup -RecipientTypeDetails MailUniversalSecurityGroup | Format-List Name,GroupType,ManagedBy,MemberJoinRestriction,MemberDepartRestriction
Get-DistributionGroup -ManagedBy Administrator | Format-Table Name,ManagedBy -AutoSize
Get-DistributionGroup karen
