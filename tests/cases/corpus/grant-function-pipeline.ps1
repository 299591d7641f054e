function Grant-SharedMailboxAccess {
    <#
    .SYNOPSIS
        Grants Full Access and Send As on shared mailboxes piped in from Get-Mailbox.
    .EXAMPLE
        Get-Mailbox -RecipientTypeDetails SharedMailbox | Grant-SharedMailboxAccess -User kim -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('Identity')]
        [string]$Alias,

        [Parameter(Mandatory = $true)]
        [string]$User,

        [switch]$SendAs
    )
    begin {
        $granted = 0
        Write-Verbose "Granting to $User"
    }
    process {
        if ($PSCmdlet.ShouldProcess($Alias, "Grant Full Access to $User")) {
            Add-MailboxPermission -Identity $Alias -User $User -AccessRights FullAccess -InheritanceType All -AutoMapping $false | Out-Null
            if ($SendAs) {
                Get-Mailbox $Alias | Add-ADPermission -User $User -ExtendedRights 'Send As' | Out-Null
            }
            $granted++
        }
    }
    end {
        Write-Output "$granted mailbox(es) granted to $User"
    }
}

Get-Mailbox -RecipientTypeDetails SharedMailbox,RoomMailbox | Grant-SharedMailboxAccess -User kim -WhatIf
Get-Mailbox -RecipientTypeDetails SharedMailbox | Grant-SharedMailboxAccess -User david -SendAs
Get-MailboxPermission helpdesk -User david | Format-Table Identity, User, AccessRights -AutoSize
