# cwd: temp
# args: -Action Grant -Mailbox karen -Delegate amy -Permission All
<#
.SYNOPSIS
    Delegation manager: grants, revokes or shows the delegations of one mailbox.

.DESCRIPTION
    Used by the 2nd line team. Handles Full Access, Send As, Send on Behalf and
    calendar (Editor) in one go so that assistants get everything they need.

.PARAMETER Action
    Grant, Revoke or Show.

.PARAMETER Permission
    FullAccess, SendAs, SendOnBehalf, Calendar or All.

.EXAMPLE
    .\delegation-manager.ps1 -Action Grant -Mailbox karen -Delegate amy -Permission All

.NOTES
    v1.4 - 2019-03-02 - added calendar
    v1.5 - 2021-10-11 - log to file
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('Grant', 'Revoke', 'Show')]
    [string]$Action,

    [Parameter(Mandatory = $true)]
    [string]$Mailbox,

    [string]$Delegate,

    [ValidateSet('FullAccess', 'SendAs', 'SendOnBehalf', 'Calendar', 'All')]
    [string]$Permission = 'All',

    [string]$LogFile = ".\delegation-manager.log"
)

#region helpers
function Write-Log {
    param([string]$Text, [ConsoleColor]$Color = 'White')
    Write-Host $Text -ForegroundColor $Color
    "$(Get-Date -Format 'yyyy-MM-dd HH:mm:ss') $Text" | Out-File -FilePath $LogFile -Append
}

function Get-Wanted {
    param([string]$Permission)
    if ($Permission -eq 'All') { return @('FullAccess', 'SendAs', 'SendOnBehalf', 'Calendar') }
    return @($Permission)
}
#endregion

$mbx = Get-Mailbox -Identity $Mailbox -ErrorAction SilentlyContinue
if (-not $mbx) {
    Write-Host "Mailbox '$Mailbox' not found." -ForegroundColor Red
    exit 1
}
if ($Action -ne 'Show' -and [string]::IsNullOrEmpty($Delegate)) {
    Write-Host "-Delegate is required for $Action." -ForegroundColor Red
    exit 1
}

$calendar = "$($mbx.Alias):\Calendar"
$common = @{ ErrorAction = 'Stop' }
$errors = 0

switch ($Action) {
    'Show' {
        Write-Host "Delegations on $($mbx.DisplayName)" -ForegroundColor Cyan
        Write-Host ""
        Write-Host "Full Access:"
        Get-MailboxPermission $mbx.Identity | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' } | ForEach-Object { Write-Host "  $($_.User)" }
        Write-Host "Send As:"
        Get-ADPermission $mbx.DistinguishedName | Where-Object { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' } | ForEach-Object { Write-Host "  $($_.User)" }
        Write-Host "Send on Behalf:"
        $mbx.GrantSendOnBehalfTo | ForEach-Object { Write-Host "  $_" }
        Write-Host "Calendar:"
        Get-MailboxFolderPermission $calendar | Where-Object { $_.User.DisplayName -ne 'Default' -and $_.User.DisplayName -ne 'Anonymous' } | ForEach-Object { Write-Host ("  {0} ({1})" -f $_.User, ($_.AccessRights -join ',')) }
    }
    'Grant' {
        foreach ($p in (Get-Wanted $Permission)) {
            try {
                switch ($p) {
                    'FullAccess'   { Add-MailboxPermission -Identity $mbx.Identity -User $Delegate -AccessRights FullAccess -InheritanceType All -AutoMapping $true @common | Out-Null }
                    'SendAs'       { Add-ADPermission -Identity $mbx.DistinguishedName -User $Delegate -ExtendedRights 'Send As' @common | Out-Null }
                    'SendOnBehalf' { Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Add = $Delegate} @common }
                    'Calendar'     { Add-MailboxFolderPermission -Identity $calendar -User $Delegate -AccessRights Editor @common | Out-Null }
                }
                Write-Log "GRANT  $p on $Mailbox to $Delegate" Green
            }
            catch {
                $errors++
                Write-Log "ERROR  $p on $Mailbox to $Delegate : $($_.Exception.Message)" Red
            }
        }
    }
    'Revoke' {
        foreach ($p in (Get-Wanted $Permission)) {
            try {
                switch ($p) {
                    'FullAccess'   { Remove-MailboxPermission -Identity $mbx.Identity -User $Delegate -AccessRights FullAccess -InheritanceType All -Confirm:$false @common }
                    'SendAs'       { Remove-ADPermission -Identity $mbx.DistinguishedName -User $Delegate -ExtendedRights 'Send As' -Confirm:$false @common }
                    'SendOnBehalf' { Set-Mailbox -Identity $mbx.Identity -GrantSendOnBehalfTo @{Remove = $Delegate} @common }
                    'Calendar'     { Remove-MailboxFolderPermission -Identity $calendar -User $Delegate -Confirm:$false @common }
                }
                Write-Log "REVOKE $p on $Mailbox from $Delegate" Yellow
            }
            catch {
                $errors++
                Write-Log "ERROR  $p on $Mailbox from $Delegate : $($_.Exception.Message)" Red
            }
        }
    }
}

if (Test-Path $LogFile) {
    $lines = @(Get-Content $LogFile)
    Write-Host ""
    Write-Host ("{0} line(s) logged to {1}" -f $lines.Count, (Split-Path $LogFile -Leaf))
    Remove-Item $LogFile
}

if ($errors -gt 0) { exit 2 }
