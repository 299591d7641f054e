# Gives each department's users Full Access to their team mailbox.
# Team mailboxes are created first if missing.
$TeamMailbox = @{
    "Sales" = "sales"
    "IT"    = "helpdesk"
}

if (-not (Get-Mailbox -Identity sales -ErrorAction SilentlyContinue)) {
    New-Mailbox -Shared -Name "Sales Team" -Alias sales | Out-Null
    Write-Host "Created shared mailbox Sales Team"
}

$users = Get-User -RecipientTypeDetails UserMailbox | Where-Object { $_.Department }
foreach ($u in $users) {
    $target = $TeamMailbox[$u.Department]
    if ($null -eq $target) {
        Write-Warning "No team mailbox for department '$($u.Department)' ($($u.Name))"
        continue
    }
    Add-MailboxPermission -Identity $target -User $u.SamAccountName -AccessRights FullAccess -InheritanceType All -AutoMapping $true -WarningAction SilentlyContinue | Out-Null
    Write-Host ("{0,-16} -> {1}" -f $u.Name, $target)
}

foreach ($key in $TeamMailbox.Keys | Sort-Object) {
    $n = (Get-MailboxPermission $TeamMailbox[$key] | Where-Object { -not $_.IsInherited -and $_.User -notlike "NT AUTHORITY\SELF" } | Measure-Object).Count
    "{0}: {1} member(s) with Full Access on {2}" -f $key, $n, $TeamMailbox[$key]
}
