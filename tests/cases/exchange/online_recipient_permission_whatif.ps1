# exchange: Online
# -WhatIf on Add- and Remove-RecipientPermission.
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle -WhatIf
Remove-RecipientPermission karen -AccessRights SendAs -Trustee 'NT AUTHORITY\SELF' -WhatIf
Get-RecipientPermission karen
