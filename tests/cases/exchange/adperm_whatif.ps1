# -WhatIf prints the What if line and changes nothing.
Add-ADPermission -Identity 'Karen Berg' -User michelle -ExtendedRights 'Send As' -WhatIf
Remove-ADPermission -Identity 'Karen Berg' -User 'NT AUTHORITY\SELF' -ExtendedRights 'Send As' -WhatIf
Get-ADPermission 'Karen Berg'
