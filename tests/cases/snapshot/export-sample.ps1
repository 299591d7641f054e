# cwd: temp
# The export script inside exsh on the sample org: one snapshot file of version 1, every
# recipient with its SID, permissions as Get-* prints them (with the SID behind each user).
& .\lib\Export-ExshOrg.ps1 -Path snap.json
$s = Get-Content snap.json -Raw | ConvertFrom-Json
"snapshotVersion $($s.snapshotVersion), partial $($s.partial), anonymized $($s.anonymized), $($s.errors.Count) errors"
$s.organization | Format-List
$s.recipients | Format-Table Name, RecipientTypeDetails, Sid -AutoSize
$karen = $s.recipients | Where-Object Alias -eq 'karen'
$karen.MailboxPermissions | Where-Object { -not $_.IsInherited } | Format-Table User, Sid, AccessRights -AutoSize
$karen.ADPermissions | Where-Object { -not $_.IsInherited } | Format-Table User, AccessRights, ExtendedRights -AutoSize
$karen.Folders | Format-Table Path, FolderType, @{ n = 'Entries'; e = { $_.Permissions.Count } } -AutoSize
($s.recipients | Where-Object Alias -eq 'allstaff').Members | Format-Table Name, Guid -AutoSize
($s.recipients | Where-Object Name -eq 'Conference Room 1').CalendarProcessing | Format-List AutomateProcessing, AllBookInPolicy, BookingWindowInDays
