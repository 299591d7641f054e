# New-DistributionGroup with members and an owner, and its errors.
New-DistributionGroup -Name "IT Department" -Members john@contoso.com,kim,"David Hamilton" -ManagedBy john
Get-DistributionGroupMember "IT Department" | Format-Table
Get-DistributionGroup "IT Department" | Format-List ManagedBy,MemberDepartRestriction
New-DistributionGroup -Name "IT Department"
New-DistributionGroup -Name "Ops" -Members kim,ghost
New-DistributionGroup -Name "Ops" -Type Mail
New-DistributionGroup -Name "Managers" -Type Security -WhatIf
