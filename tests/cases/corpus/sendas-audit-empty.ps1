# Send As audit on a fresh organization: nothing granted yet, so nothing is piped on.
$grants = Get-Mailbox -ResultSize Unlimited | Get-ADPermission | Where-Object { $_.ExtendedRights -like '*Send*' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' }
$grants | ForEach-Object { Write-Host "$($_.Identity) : $($_.User)" }
if (-not $grants) { Write-Host "No explicit Send As permissions." }
