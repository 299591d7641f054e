# Acceptance step 6: explicit Send-As ACEs on Karen's user object (SELF's default one and Michelle's).
Add-ADPermission -Identity "Karen Berg" -User CONTOSO\michelle -ExtendedRights "Send As" | Out-Null
Get-ADPermission "Karen Berg" | ? { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited }
