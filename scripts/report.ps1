<#
.SYNOPSIS
    Reports who can open, send as, or send on behalf of each mailbox (explicit grants only).
.EXAMPLE
    exsh -File scripts/report.ps1
    exsh -File scripts/report.ps1 -CsvPath permissions.csv
#>
param([string]$CsvPath)

$report = @()
foreach ($mbx in Get-Mailbox -ResultSize Unlimited) {
    $full = Get-MailboxPermission -Identity $mbx.Identity |
        Where-Object { $_.AccessRights -like '*FullAccess*' -and -not $_.IsInherited -and -not $_.Deny -and $_.User -notlike 'NT AUTHORITY\*' }
    foreach ($p in $full) {
        $report += [PSCustomObject]@{ Mailbox = $mbx.Name; Delegate = "$($p.User)"; Permission = 'FullAccess' }
    }
    $sendAs = Get-ADPermission -Identity $mbx.DistinguishedName |
        Where-Object { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' }
    foreach ($p in $sendAs) {
        $report += [PSCustomObject]@{ Mailbox = $mbx.Name; Delegate = "$($p.User)"; Permission = 'SendAs' }
    }
    foreach ($d in $mbx.GrantSendOnBehalfTo) {
        $report += [PSCustomObject]@{ Mailbox = $mbx.Name; Delegate = $d.Name; Permission = 'SendOnBehalf' }
    }
}

if ($CsvPath) {
    $report | Export-Csv -Path $CsvPath -NoTypeInformation
    Write-Host "$($report.Count) permissions written to $CsvPath"
} else {
    $report | Sort-Object Mailbox, Permission | Format-Table -AutoSize
}
