# Set-User changes a user's person data; unchanged values warn; a contact or a group is not a user.
Set-User -Identity CONTOSO\amy -Title "Account Manager" -Department Sales
Get-User amy | Format-List Name,Title,Department
Get-User -Filter "Department -eq 'Sales'" | Set-User -Title "Sales Representative" -WhatIf
Set-User amy -Title "Account Manager"
Set-User partner -Title "Partner"
Set-User allstaff -DisplayName "Everyone"
