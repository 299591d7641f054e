# exchange: Online
# org: orgs/delegations-online.json
# Calendar sharing report for all user mailboxes (skips Default/Anonymous)
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false

$rows = [System.Collections.Generic.List[object]]::new()
Get-EXOMailbox -RecipientTypeDetails UserMailbox -ResultSize Unlimited | ForEach-Object {
    $calName = (Get-EXOMailboxFolderStatistics -Identity $_.UserPrincipalName -FolderScope Calendar | Where-Object { $_.FolderType -eq "Calendar" }).Name
    $perms = Get-EXOMailboxFolderPermission -Identity "$($_.UserPrincipalName):\$calName"
    foreach ($p in $perms) {
        if ($p.User.DisplayName -notmatch '^Default|^Anonymous') {
            $rows.Add([PSCustomObject]@{
                Owner  = $_.DisplayName
                User   = $p.User.DisplayName
                Rights = ($p.AccessRights -join ',')
            })
        }
    }
}
$rows | Format-Table -AutoSize
"{0} calendar delegation(s) found" -f $rows.Count

Disconnect-ExchangeOnline -Confirm:$false
