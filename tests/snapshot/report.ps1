# Every Get-* report the snapshot round trip compares (tests/snapshot.rs). RunspaceId differs
# from run to run, so it is left out.
param([switch]$Online)
function Show($Objects) { $Objects | Select-Object * -ExcludeProperty RunspaceId | Format-List | Out-String -Width 200 }
Show (Get-OrganizationConfig)
Show (Get-AcceptedDomain)
Show (Get-Recipient -ResultSize Unlimited)
Show (Get-Mailbox -ResultSize Unlimited)
Show (Get-User -ResultSize Unlimited)
Show (Get-Group -ResultSize Unlimited)
Show (Get-DistributionGroup -ResultSize Unlimited)
Show (Get-MailContact -ResultSize Unlimited)
Show (Get-MailUser -ResultSize Unlimited)
if (-not $Online) {
    Show (Get-ExchangeServer)
    Show (Get-MailboxDatabase)
    foreach ($db in Get-MailboxDatabase) { Show (Get-ADPermission -Identity $db.Name) }
}
foreach ($r in Get-Recipient -ResultSize Unlimited) {
    "== $($r.Name)"
    $id = $r.Guid.ToString()
    if ($Online) { if ($r.RecipientTypeDetails -ne 'MailContact') { Show (Get-RecipientPermission -Identity $id) } }
    else { Show (Get-ADPermission -Identity $r.DistinguishedName); Show (Get-ADPermission -Identity $r.DistinguishedName -Owner) }
    if ("$($r.RecipientType)" -eq 'UserMailbox') {
        Show (Get-MailboxPermission -Identity $id)
        if ($Online) { Show (Get-MailboxPermission -Identity $id -IncludeUnresolvedPermissions) }
        Show (Get-MailboxPermission -Identity $id -Owner)
        Show (Get-CalendarProcessing -Identity $id)
        Show (Get-MailboxFolderStatistics -Identity $id | Select-Object FolderPath, FolderType, Name)
        foreach ($f in Get-MailboxFolderStatistics -Identity $id) {
            $p = ($f.FolderPath -replace '/', '\').TrimStart('\')
            if ($p -eq 'Top of Information Store') { $p = '' }
            Show (Get-MailboxFolderPermission -Identity "${id}:\$p")
        }
    }
    if ("$($r.RecipientTypeDetails)" -like 'MailUniversal*') { Show (Get-DistributionGroupMember -Identity $id) }
}
