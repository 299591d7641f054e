# Acceptance step 5: only the explicit, non-system grant remains after the filter.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -InheritanceType All | Out-Null
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' }
