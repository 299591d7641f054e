<#
.SYNOPSIS
    Grants the mailbox permissions listed in a CSV file (Mailbox, Delegate, Permission).
.EXAMPLE
    .\grant-from-csv.ps1 -CsvPath .\grants.csv
#>
[CmdletBinding()]
param(
    [string]$CsvPath = "$PSScriptRoot\grant-from-csv.csv"
)

if (-not (Test-Path $CsvPath)) {
    Write-Host "CSV file $CsvPath not found" -ForegroundColor Red
    exit 1
}

$rows = Import-Csv -Path $CsvPath
Write-Host "Processing $($rows.Count) rows from $(Split-Path $CsvPath -Leaf)" -ForegroundColor Cyan
$ok = 0
$failed = 0

foreach ($row in $rows) {
    try {
        switch ($row.Permission) {
            'FullAccess' {
                Add-MailboxPermission -Identity $row.Mailbox -User $row.Delegate -AccessRights FullAccess `
                    -InheritanceType All -AutoMapping $false -ErrorAction Stop | Out-Null
            }
            'SendAs' {
                Add-ADPermission -Identity $row.Mailbox -User $row.Delegate -ExtendedRights 'Send As' -ErrorAction Stop | Out-Null
            }
            'SendOnBehalf' {
                Set-Mailbox -Identity $row.Mailbox -GrantSendOnBehalfTo @{Add = $row.Delegate } -ErrorAction Stop
            }
            default {
                throw "Unknown permission '$($row.Permission)'"
            }
        }
        Write-Host "[OK] $($row.Permission) on $($row.Mailbox) for $($row.Delegate)" -ForegroundColor Green
        $ok++
    }
    catch {
        Write-Host "[FAILED] $($row.Permission) on $($row.Mailbox) for $($row.Delegate): $($_.Exception.Message)" -ForegroundColor Red
        $failed++
    }
}

Write-Host ""
Write-Host "Done: $ok granted, $failed failed."
$fa = Get-MailboxPermission -Identity karen -User michelle
"karen FullAccess for michelle: $($fa.AccessRights)"
"karen send on behalf: $((Get-Mailbox karen).GrantSendOnBehalfTo -join ', ')"
$sa = Get-ADPermission -Identity 'Help Desk' -User kim | Where-Object { $_.ExtendedRights -like '*Send-As*' }
"helpdesk Send As for kim: $($sa.ExtendedRights)"
if ($failed -gt 0) { exit 2 }
