# org: orgs/delegations.json
# Weekly delegation summary for the change board (text goes into the e-mail body).
$all = @()
foreach ($mbx in Get-Mailbox -ResultSize Unlimited) {
    $perms = Get-MailboxPermission $mbx.Identity | Where-Object { $_.User -notlike 'NT AUTHORITY\*' -and $_.IsInherited -eq $false }
    foreach ($p in $perms) {
        $all += [PSCustomObject]@{
            Mailbox = $mbx.Name
            Type    = $mbx.RecipientTypeDetails
            User    = $p.User.ToString()
        }
    }
}

$byType = $all | Group-Object Type | Sort-Object Count -Descending
$stats = $all | Group-Object Mailbox | Measure-Object -Property Count -Maximum -Average

$body = @"
Delegation summary ($(Get-Date -Format 'dd MMM yyyy'))
------------------------------------------
Full Access grants : $($all.Count)
Mailboxes involved : $(($all | Select-Object -ExpandProperty Mailbox -Unique).Count)
Most on one mailbox: $($stats.Maximum)
"@
Write-Host $body

foreach ($g in $byType) {
    Write-Host ("{0,-15} {1,3}" -f $g.Name, $g.Count)
}

$all | Sort-Object User, Mailbox | Format-Table -AutoSize
$byType | Select-Object Name, Count
