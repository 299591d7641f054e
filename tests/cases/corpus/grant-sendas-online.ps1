# exchange: Online
# Send As in Exchange Online for a list of shared mailboxes
Import-Module ExchangeOnlineManagement
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false

$Trustee = "kim@contoso.com"
$Mailboxes = @("helpdesk@contoso.com", "room1@contoso.com", "karen@contoso.com")

foreach ($Mailbox in $Mailboxes) {
    try {
        Add-RecipientPermission -Identity $Mailbox -Trustee $Trustee -AccessRights SendAs -Confirm:$false -ErrorAction Stop
    }
    catch {
        Write-Warning "Could not add Send As on $Mailbox : $($_.Exception.Message)"
    }
}

Get-RecipientPermission -Trustee $Trustee | Select-Object Identity, Trustee, AccessRights

Disconnect-ExchangeOnline -Confirm:$false
