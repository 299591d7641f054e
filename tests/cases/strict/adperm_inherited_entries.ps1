# A user object carries the entries it inherits from the domain (IsInherited True), so the usual report filter (-not $_.IsInherited) keeps only the object's own entries; removing an inherited one is ignored with Exchange's warning.
Get-ADPermission 'Kim Akers' | Format-Table User,AccessRights,Properties -AutoSize
Get-ADPermission 'Kim Akers' | Where-Object { $_.Deny } | Format-Table User,AccessRights,Properties -AutoSize
Add-ADPermission -Identity 'Kim Akers' -User david -ExtendedRights 'Send As' | Out-Null
Get-ADPermission 'Kim Akers' | Where-Object { -not $_.IsInherited -and -not ($_.User -like 'NT AUTHORITY\SELF') } | Format-Table User,ExtendedRights -AutoSize
(Get-ADPermission 'Kim Akers' | Where-Object { $_.IsInherited }).Count
Get-ADPermission 'Kim Akers' -User 'Exchange Servers' | Format-Table User,AccessRights,Properties -AutoSize
Remove-ADPermission -Identity 'Kim Akers' -User 'Enterprise Admins' -AccessRights GenericAll -Confirm:$false
