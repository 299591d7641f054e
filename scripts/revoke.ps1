<#
.SYNOPSIS
    Removes every explicit permission a user holds on other mailboxes (Full Access, Send As,
    Send on Behalf, calendar folder permissions), for example when they leave a team.
.EXAMPLE
    exsh -File scripts/revoke.ps1 -User michelle
    exsh -File scripts/revoke.ps1 -User michelle -WhatIf
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$User,
    [switch]$WhatIf
)

$who = Get-User -Identity $User -ErrorAction Stop
$account = "CONTOSO\$($who.SamAccountName)"
$removed = 0
foreach ($mbx in Get-Mailbox -ResultSize Unlimited) {
    Get-MailboxPermission -Identity $mbx.Identity -User $User |
        Where-Object { -not $_.IsInherited } |
        ForEach-Object {
            Remove-MailboxPermission -Identity $mbx.Identity -User $User -AccessRights FullAccess -InheritanceType All -Confirm:$false -WhatIf:$WhatIf
            $script:removed++
        }
    Get-ADPermission -Identity $mbx.DistinguishedName -User $User |
        Where-Object { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited } |
        ForEach-Object {
            Remove-ADPermission -Identity $mbx.DistinguishedName -User $User -ExtendedRights 'Send As' -Confirm:$false -WhatIf:$WhatIf
            $script:removed++
        }
    if ($mbx.GrantSendOnBehalfTo | Where-Object { $_.Name -eq $who.Name }) {
        Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Remove = $User} -WhatIf:$WhatIf
        $removed++
    }
    $calendar = "$($mbx.Alias):\Calendar"
    if (Get-MailboxFolderPermission -Identity $calendar -User $User -ErrorAction SilentlyContinue) {
        Remove-MailboxFolderPermission -Identity $calendar -User $User -Confirm:$false -WhatIf:$WhatIf
        $removed++
    }
}
Write-Host "$removed permissions of $($who.Name) removed."
