# org: orgs/delegations.json
function Get-MailboxAccessReport {
    <#
    .SYNOPSIS
        One line per explicit Full Access grant, for the mailboxes piped in.
    .EXAMPLE
        Get-Mailbox -RecipientTypeDetails SharedMailbox | Get-MailboxAccessReport
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [string]$Identity,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]$DisplayName,

        [switch]$IncludeInherited
    )
    begin {
        $total = 0
        Write-Verbose "Starting report"
    }
    process {
        $perms = Get-MailboxPermission -Identity $Identity
        if (-not $IncludeInherited) {
            $perms = $perms | Where-Object { -not $_.IsInherited }
        }
        foreach ($p in $perms) {
            if ($p.User -like 'NT AUTHORITY\*') { continue }
            $total++
            [PSCustomObject]@{
                Mailbox = $DisplayName
                User    = $p.User
                Rights  = $p.AccessRights -join ', '
            }
        }
    }
    end {
        Write-Verbose "$total grant(s) reported"
    }
}

Get-Mailbox -ResultSize Unlimited | Get-MailboxAccessReport -Verbose | Format-Table -AutoSize
Get-Mailbox -RecipientTypeDetails RoomMailbox | Get-MailboxAccessReport | ForEach-Object { "$($_.Mailbox): $($_.User)" }
