# args: -Mailbox karen -Delegates michelle
# Revokes a delegate's Full Access, Send As and Send on Behalf on one mailbox without prompting
# (-Confirm:$false), reporting what was found; run on-premises with script parameters.
param(
    [Parameter(Mandatory = $true)]
    [string]$Mailbox,
    [Parameter(Mandatory = $true)]
    [string[]]$Delegates
)

# Set up what there is to revoke.
Add-MailboxPermission $Mailbox -User michelle -AccessRights FullAccess | Out-Null
Add-ADPermission -Identity (Get-Mailbox $Mailbox).Name -User michelle -ExtendedRights Send-As | Out-Null
Set-Mailbox $Mailbox -GrantSendOnBehalfTo @{Add = 'michelle' }

$mbx = Get-Mailbox -Identity $Mailbox -ErrorAction SilentlyContinue
if (!$mbx) {
    Write-Warning "Mailbox $Mailbox not found."
    exit 1
}
foreach ($Delegate in $Delegates) {
    Write-Host "Revoking $Delegate on $($mbx.DisplayName)..." -ForegroundColor Yellow
    $existing = Get-MailboxPermission -Identity $mbx.Identity -User $Delegate -ErrorAction SilentlyContinue
    if ($existing) {
        Remove-MailboxPermission -Identity $mbx.Identity -User $Delegate -AccessRights FullAccess -InheritanceType All -Confirm:$false
        Write-Host "  Full Access removed"
    } else {
        Write-Host "  no Full Access"
    }
    Remove-ADPermission -Identity $mbx.Name -User $Delegate -ExtendedRights 'Send As' -Confirm:$false -ErrorAction SilentlyContinue
    if ($?) { Write-Host '  Send As removed' } else { Write-Host '  no Send As' }
    Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Remove = $Delegate } -Confirm:$false -WarningAction SilentlyContinue
    Write-Host '  Send on Behalf removed'
}
$left = @(Get-MailboxPermission $Mailbox | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\SELF' })
"explicit Full Access entries left: $($left.Count)"
"send on behalf left: $(@((Get-Mailbox $Mailbox).GrantSendOnBehalfTo).Count)"
# A second run finds nothing to remove.
Remove-MailboxPermission -Identity $Mailbox -User michelle -AccessRights FullAccess -Confirm:$false
'finished'
