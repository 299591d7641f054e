# exchange: Online
# An Exchange Online script: connect, grant Send As and Full Access from a list, report, disconnect.
#Requires -Modules ExchangeOnlineManagement
Import-Module ExchangeOnlineManagement
Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false

$SharedMailbox = 'helpdesk@contoso.com'
$Agents = @('kim@contoso.com', 'david@contoso.com')

foreach ($Agent in $Agents) {
    try {
        Add-MailboxPermission -Identity $SharedMailbox -User $Agent -AccessRights FullAccess -InheritanceType All -AutoMapping $true -ErrorAction Stop | Out-Null
        Add-RecipientPermission -Identity $SharedMailbox -Trustee $Agent -AccessRights SendAs -Confirm:$false -ErrorAction Stop | Out-Null
        Write-Host "Granted Full Access and Send As on $SharedMailbox to $Agent" -ForegroundColor Green
    } catch {
        Write-Host "Failed for ${Agent}: $($_.Exception.Message)" -ForegroundColor Red
    }
}

Get-Mailbox -Identity $SharedMailbox | Select-Object DisplayName, RecipientTypeDetails | Format-List
Get-RecipientPermission -Identity $SharedMailbox | Where-Object { $_.Trustee -ne 'NT AUTHORITY\SELF' } |
    ForEach-Object { "Send As: $($_.Trustee) ($($_.AccessRights))" }
Get-MailboxPermission -Identity $SharedMailbox | Where-Object { $_.User -like '*@*' } |
    ForEach-Object { "Full Access: $($_.User) ($($_.AccessRights))" }

Disconnect-ExchangeOnline -Confirm:$false
