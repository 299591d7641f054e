# org: orgs/delegations.json
# Full Access report for all mailboxes -> CSV (explicit, non-inherited, no SELF)
$date = Get-Date -Format "yyyy-MM-dd"
$ReportPath = "FullAccess_$date.csv"

Get-Mailbox -ResultSize Unlimited | ForEach-Object {
    Get-MailboxPermission -Identity $_.Identity | Where-Object { $_.User -notlike 'NT AUTHORITY\*' -and -not $_.IsInherited }
} | Select-Object Identity, User, @{Name='AccessRights';Expression={$_.AccessRights -join ','}}, Deny | Export-Csv -Path $ReportPath -NoTypeInformation

Write-Host "Report saved to $ReportPath"
Get-Content $ReportPath
Remove-Item $ReportPath
