# org: orgs/delegations.json
# args: -SourceUser michelle -TargetUser amy
<#
.SYNOPSIS
    Gives TargetUser the same Full Access, Send As and Send on Behalf rights that SourceUser has.
    Used when a new assistant replaces the old one.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory=$true)][string]$SourceUser,
    [Parameter(Mandatory=$true)][string]$TargetUser
)

$src = Get-User $SourceUser
$tgt = Get-User $TargetUser
$srcAccount = "CONTOSO\" + $src.SamAccountName
Write-Host "Copying permissions of $($src.Name) to $($tgt.Name)" -ForegroundColor Cyan

$mailboxes = Get-Mailbox -ResultSize Unlimited

# Full Access
foreach ($mbx in $mailboxes) {
    $perm = Get-MailboxPermission -Identity $mbx.Identity -User $SourceUser -ErrorAction SilentlyContinue |
        Where-Object { $_.AccessRights -contains 'FullAccess' -and -not $_.IsInherited }
    if ($perm) {
        Add-MailboxPermission -Identity $mbx.Identity -User $TargetUser -AccessRights FullAccess -InheritanceType All | Out-Null
        Write-Host "  Full Access on $($mbx.Name)"
    }
}

# Send As
foreach ($mbx in $mailboxes) {
    $sa = Get-ADPermission -Identity $mbx.DistinguishedName | Where-Object { $_.User -eq $srcAccount -and $_.ExtendedRights -like '*Send-As*' }
    if ($sa) {
        Add-ADPermission -Identity $mbx.DistinguishedName -User $TargetUser -ExtendedRights 'Send As' | Out-Null
        Write-Host "  Send As on $($mbx.Name)"
    }
}

# Send on Behalf
foreach ($mbx in $mailboxes) {
    if ($mbx.GrantSendOnBehalfTo -contains $src.Identity) {
        Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Add = $TargetUser}
        Write-Host "  Send on Behalf on $($mbx.Name)"
    }
}
Write-Host "Done." -ForegroundColor Cyan
