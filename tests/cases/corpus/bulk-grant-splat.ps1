# args: -Mailbox helpdesk -Users kim,david,ghost -NoAutoMapping
<#
.SYNOPSIS
  Grants Full Access (and optionally Send As) on one mailbox to several users.
.PARAMETER NoAutoMapping
  Do not add the mailbox to the users' Outlook profile.
#>
param(
    [string]$Mailbox = "helpdesk",
    [string[]]$Users = @("kim"),
    [switch]$NoAutoMapping,
    [switch]$SendAs,
    [string]$LogPath = ".\bulk-grant-splat.log"
)

$ErrorActionPreference = 'Stop'
# Task Scheduler passes -Users as one string
$Users = $Users -split ','
Start-Transcript -Path $LogPath -Append | Out-Null

$results = @()
foreach ($u in $Users) {
    $params = @{
        Identity        = $Mailbox
        User            = $u
        AccessRights    = 'FullAccess'
        InheritanceType = 'All'
        AutoMapping     = -not $NoAutoMapping
        ErrorAction     = 'Stop'
    }
    try {
        Add-MailboxPermission @params | Out-Null
        if ($SendAs) {
            Add-ADPermission -Identity $Mailbox -User $u -ExtendedRights 'Send As' -ErrorAction Stop | Out-Null
        }
        $results += New-Object PSObject -Property @{ User = $u; Status = 'Granted' }
    }
    catch {
        Write-Warning ("{0}: {1}" -f $u, $_.Exception.Message)
        $results += New-Object PSObject -Property @{ User = $u; Status = 'Failed' }
    }
}

Stop-Transcript | Out-Null
Remove-Item $LogPath

$results | Format-Table User, Status -AutoSize
"AutoMapping was {0}" -f (-not $NoAutoMapping)
