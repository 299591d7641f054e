<#
.SYNOPSIS
  Bulk Send As for shared mailboxes (on-premises, Exchange 2019).
.NOTES
  CSV columns: SharedMailbox, Delegate
#>
Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn

$rows = Import-Csv -Path .\grant-sendas-onprem.csv
$count = 0
foreach ($row in $rows)
{
    $count++
    Write-Progress -Activity "Granting Send As" -Status $row.SharedMailbox -PercentComplete ($count / $rows.Count * 100)
    Get-User -Identity $row.SharedMailbox | Add-ADPermission -User $row.Delegate -ExtendedRights "Send As" | Out-Null
    Write-Host "$($row.Delegate) can now send as $($row.SharedMailbox)"
}
Write-Progress -Activity "Granting Send As" -Completed

Get-ADPermission -Identity "Help Desk" | where {($_.ExtendedRights -like "*Send-As*") -and ($_.IsInherited -eq $false) -and -not ($_.User -like "NT AUTHORITY\SELF")} | Format-Table Identity,User,ExtendedRights -AutoSize
