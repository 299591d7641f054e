# exchange: Exchange2010
# The owner-type error and Set-User in the Exchange 2010 layout.
Set-DistributionGroup allstaff -ManagedBy "All Staff"
Set-User karen -Department Marketing -WhatIf
Set-User ghost -Department Marketing
