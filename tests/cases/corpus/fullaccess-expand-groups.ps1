# org: orgs/delegations.json
# Who can really open the shared mailboxes? Expands groups to their members.
$shared = @(Get-Mailbox -RecipientTypeDetails SharedMailbox)
for ($i = 0; $i -lt $shared.Count; $i++) {
    $mbx = $shared[$i]
    Write-Host "[$($i + 1)/$($shared.Count)] $($mbx.DisplayName)"
    $perms = Get-MailboxPermission $mbx.Identity | ? { $_.AccessRights -like '*FullAccess*' -and !$_.IsInherited -and $_.User -notmatch 'NT AUTHORITY' }
    foreach ($p in $perms) {
        $name = $p.User.ToString().Split('\')[-1]
        $r = Get-Recipient $name -ErrorAction SilentlyContinue
        if ($r.RecipientType -like '*Group*') {
            $members = Get-DistributionGroupMember $r.Identity
            Write-Host "  group $($r.Name) ($(@($members).Count) members)"
            $members | % { Write-Host "    - $($_.Name)" }
        } else {
            Write-Host "  user  $($r.Name)"
        }
    }
}
