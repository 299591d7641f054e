<#
.SYNOPSIS
    Grants the permissions listed in a CSV file (Mailbox, Delegate, Permission).
.DESCRIPTION
    Permission is FullAccess, SendAs, SendOnBehalf, or Calendar:<Role> for a calendar folder permission.
    Run it with -WhatIf to rehearse: nothing changes and every change is listed as a "What if:" line.
.EXAMPLE
    exsh -File scripts/grant.ps1 -Path scripts/grants.csv
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$Path,
    [switch]$WhatIf
)

$rows = Import-Csv -Path $Path
$done = 0
foreach ($row in $rows) {
    try {
        switch -Wildcard ($row.Permission) {
            'FullAccess' {
                Add-MailboxPermission -Identity $row.Mailbox -User $row.Delegate -AccessRights FullAccess -InheritanceType All -WhatIf:$WhatIf -ErrorAction Stop | Out-Null
            }
            'SendAs' {
                $mbx = Get-Mailbox -Identity $row.Mailbox -ErrorAction Stop
                Add-ADPermission -Identity $mbx.DistinguishedName -User $row.Delegate -ExtendedRights 'Send As' -WhatIf:$WhatIf -ErrorAction Stop | Out-Null
            }
            'SendOnBehalf' {
                Set-Mailbox -Identity $row.Mailbox -GrantSendOnBehalfTo @{Add = $row.Delegate} -WhatIf:$WhatIf -ErrorAction Stop
            }
            'Calendar:*' {
                $role = $row.Permission.Split(':')[1]
                Add-MailboxFolderPermission -Identity "$($row.Mailbox):\Calendar" -User $row.Delegate -AccessRights $role -WhatIf:$WhatIf -ErrorAction Stop | Out-Null
            }
            default {
                throw "Unknown permission '$($row.Permission)'"
            }
        }
        $done++
        Write-Host "OK    $($row.Mailbox) <- $($row.Delegate) ($($row.Permission))" -ForegroundColor Green
    }
    catch {
        Write-Host "FAIL  $($row.Mailbox) <- $($row.Delegate) ($($row.Permission)): $($_.Exception.Message)" -ForegroundColor Red
    }
}
Write-Host "$done of $($rows.Count) grants applied."
