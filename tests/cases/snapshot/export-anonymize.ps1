# cwd: temp
# -Anonymize: names, aliases, addresses and SIDs become stable pseudonyms (the same input gives
# the same pseudonym everywhere in the file); built-in accounts, Guids and structure stay.
& .\lib\Export-ExshOrg.ps1 -Path anon.json -Anonymize
$s = Get-Content anon.json -Raw | ConvertFrom-Json
"anonymized: $($s.anonymized)"
$s.organization | Format-List Name, Domain, NetBIOS, DomainSid, Server, DomainController
$s.recipients | Format-Table Name, Alias, PrimarySmtpAddress, Sid -AutoSize
$karen = $s.recipients | Where-Object Guid -eq '25dc1ed2-85f7-4105-a04d-daeb372e7abf'
$karen.MailboxPermissions | Where-Object { -not $_.IsInherited } | Format-Table User, Sid -AutoSize
($s.recipients | Where-Object Guid -eq '857ea7e4-59ac-455e-9910-2b804b529b95').Members | Format-Table Name, Identity -AutoSize
$text = Get-Content anon.json -Raw
"mentions Karen: $($text -match 'Karen'); mentions contoso: $($text -match 'contoso'); real domain SID: $($text -match '3623811015')"
