# Grant Full Access from a CSV (Mailbox,User), no automapping.
# Author: IT Ops - run from the Exchange Management Shell

$csv = Import-Csv "$PSScriptRoot\grant-fullaccess-csv.csv"

$csv | ForEach-Object {
    Write-Host "Granting $($_.User) Full Access to $($_.Mailbox)..." -ForegroundColor Yellow
    Add-MailboxPermission -Identity $_.Mailbox -User $_.User -AccessRights FullAccess -InheritanceType All -AutoMapping:$false -ErrorAction SilentlyContinue | Out-Null
    if ($?) { Write-Host "  done" -ForegroundColor Green }
    else { Write-Host "  FAILED: $($Error[0].Exception.Message)" -ForegroundColor Red }
}

Get-MailboxPermission helpdesk | where { $_.IsInherited -eq $false -and $_.User -notlike "NT AUTHORITY\*" } | ft User,AccessRights -AutoSize
