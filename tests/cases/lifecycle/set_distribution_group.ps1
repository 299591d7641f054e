# Set-DistributionGroup: Send on Behalf (replace and @{Add=}), display name, owners, and the no-change warning.
Set-DistributionGroup allstaff -GrantSendOnBehalfTo michelle -DisplayName "Everyone"
Set-DistributionGroup allstaff -GrantSendOnBehalfTo @{Add="amy@contoso.com"} -ManagedBy @{Add="karen"}
Get-DistributionGroup allstaff | Format-List DisplayName,GrantSendOnBehalfTo,ManagedBy
Set-DistributionGroup allstaff -DisplayName "Everyone"
Set-DistributionGroup allstaff -GrantSendOnBehalfTo partner
Set-DistributionGroup allstaff -DisplayName "All" -WhatIf
