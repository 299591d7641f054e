# exchange: Online
# Works on-premises and online: picks the right Send As cmdlet for the environment.
param([string]$Mailbox = "helpdesk", [string]$Trustee = "david")

if (Get-Command Get-ADPermission -ErrorAction SilentlyContinue) {
    $OnPrem = $true
    Write-Host "Exchange on-premises detected"
} else {
    $OnPrem = $false
    Write-Host "Exchange Online detected"
    if (-not (Get-ConnectionInformation)) {
        Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false
    }
}

if ($OnPrem) {
    Add-ADPermission -Identity (Get-Mailbox $Mailbox).DistinguishedName -User $Trustee -ExtendedRights "Send As" | Out-Null
    Get-ADPermission -Identity (Get-Mailbox $Mailbox).DistinguishedName -User $Trustee | select User, ExtendedRights
} else {
    Add-RecipientPermission $Mailbox -Trustee $Trustee -AccessRights SendAs -Confirm:$false | Out-Null
    Get-RecipientPermission $Mailbox -Trustee $Trustee | select Trustee, AccessRights
}
