# org: orgs/delegations.json
# args: -Leaver kim
# Leaver process step 3: strip every delegation the leaver holds on other mailboxes.
param(
    [Parameter(Mandatory = $true)]
    [string]$Leaver
)

$ErrorActionPreference = "Stop"
$user = Get-User -Identity $Leaver
$account = "CONTOSO\$($user.SamAccountName)"
$removed = 0

foreach ($mbx in (Get-Mailbox -ResultSize Unlimited)) {
    # Full Access
    Get-MailboxPermission -Identity $mbx.Identity | Where-Object { $_.User -eq $account -and -not $_.IsInherited } | ForEach-Object {
        Remove-MailboxPermission -Identity $mbx.Identity -User $Leaver -AccessRights $_.AccessRights -InheritanceType All -Confirm:$false
        Write-Host "Removed Full Access on $($mbx.Alias)"
        $removed++
    }

    # Send As
    Get-ADPermission -Identity $mbx.DistinguishedName | Where-Object { $_.User -eq $account -and $_.ExtendedRights -like "*Send-As*" } | ForEach-Object {
        Remove-ADPermission -Identity $mbx.DistinguishedName -User $Leaver -ExtendedRights "Send As" -Confirm:$false
        Write-Host "Removed Send As on $($mbx.Alias)"
        $removed++
    }

    # Send on Behalf
    if ($mbx.GrantSendOnBehalfTo -contains $user.Identity) {
        Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Remove = $Leaver}
        Write-Host "Removed Send on Behalf on $($mbx.Alias)"
        $removed++
    }

    # Calendar
    $cal = "$($mbx.Alias):\Calendar"
    $fp = Get-MailboxFolderPermission -Identity $cal -User $Leaver -ErrorAction SilentlyContinue
    if ($fp) {
        Remove-MailboxFolderPermission -Identity $cal -User $Leaver -Confirm:$false
        Write-Host "Removed $($fp.AccessRights) on $cal"
        $removed++
    }
}

Write-Host "$removed permission(s) removed for $($user.Name)" -ForegroundColor Green
