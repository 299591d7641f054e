# exchange: Online
# org: orgs/delegations-online.json
# Exchange Online: who has Full Access to which mailbox (REST cmdlets)
$AdminUPN = "admin@contoso.onmicrosoft.com"

if (-not (Get-Module -ListAvailable -Name ExchangeOnlineManagement)) {
    Write-Host "Install the module first: Install-Module ExchangeOnlineManagement" -ForegroundColor Red
    exit 1
}
Connect-ExchangeOnline -UserPrincipalName $AdminUPN -ShowBanner:$false

$mailboxes = Get-EXOMailbox -ResultSize Unlimited -RecipientTypeDetails UserMailbox, SharedMailbox
Write-Host "Found $($mailboxes.Count) mailboxes"

$report = foreach ($mbx in $mailboxes) {
    Get-EXOMailboxPermission -Identity $mbx.UserPrincipalName |
        Where-Object { $_.User -ne "NT AUTHORITY\SELF" -and $_.IsInherited -eq $false } |
        ForEach-Object {
            [PSCustomObject]@{
                Mailbox      = $mbx.DisplayName
                Delegate     = $_.User
                AccessRights = $_.AccessRights -join ","
            }
        }
}

$report | Sort-Object Mailbox | Format-Table -AutoSize
Disconnect-ExchangeOnline -Confirm:$false
