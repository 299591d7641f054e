# cwd: temp
# -Identity exports part of the org (the snapshot is partial); an identity that is not found is
# recorded in the snapshot's errors and the export goes on.
& .\lib\Export-ExshOrg.ps1 -Path part.json -Identity karen, nobody, 'Help Desk Agents'
$s = Get-Content part.json -Raw | ConvertFrom-Json
"partial: $($s.partial)"
$s.recipients | Format-Table Name, RecipientTypeDetails -AutoSize
$s.errors | Format-List
& .\lib\Export-ExshOrg.ps1 -Path rooms.json -Filter "RecipientTypeDetails -eq 'RoomMailbox'"
(Get-Content rooms.json -Raw | ConvertFrom-Json).recipients.Name
& .\lib\Export-ExshOrg.ps1 -Path three.json -ResultSize 3
$t = Get-Content three.json -Raw | ConvertFrom-Json
"$($t.recipients.Count) recipients, partial: $($t.partial)"
