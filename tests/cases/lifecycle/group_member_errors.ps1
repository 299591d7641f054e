# The membership errors of Add-/Remove-DistributionGroupMember, each before any change.
Add-DistributionGroupMember -Identity "All Staff" -Member karen
Remove-DistributionGroupMember -Identity allstaff -Member helpdesk -Confirm:$false
Add-DistributionGroupMember -Identity allstaff -Member nobody
Add-DistributionGroupMember -Identity "No Such Group" -Member karen
Add-DistributionGroupMember -Identity allstaff -Member allstaff
Add-DistributionGroupMember -Identity allstaff -Member partner -WhatIf
(Get-DistributionGroupMember allstaff).Count
