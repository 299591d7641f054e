# exchange: Online
# stdin: 2|karen@contoso.com|amy@contoso.com|1|karen@contoso.com|4|x|3
# EXO helpdesk console - Send As / Full Access for first line support.
Connect-ExchangeOnline -UserPrincipalName helpdesk.admin@contoso.com -ShowBanner:$false

$running = $true
while ($running) {
    Write-Host ""
    Write-Host "1) Show delegates of a mailbox"
    Write-Host "2) Grant Send As"
    Write-Host "3) Exit"
    Write-Host "4) Show Send As of a mailbox"
    $answer = Read-Host "Choice"
    switch ($answer) {
        1 {
            $upn = Read-Host "Mailbox (UPN)"
            Get-EXOMailboxPermission -Identity $upn | Where-Object { $_.User -like '*@*' } | Select-Object User, AccessRights
        }
        2 {
            $upn = Read-Host "Mailbox (UPN)"
            $trustee = Read-Host "Trustee (UPN)"
            Add-RecipientPermission -Identity $upn -Trustee $trustee -AccessRights SendAs -Confirm:$false | Out-Null
            Write-Host "Send As granted." -ForegroundColor Green
        }
        3 { $running = $false }
        4 {
            Get-EXORecipientPermission -Identity $upn | Where-Object { $_.Trustee -ne 'NT AUTHORITY\SELF' } | Format-Table Trustee, AccessRights -AutoSize
        }
        default { Write-Host "Unknown option" -ForegroundColor Yellow }
    }
}
Disconnect-ExchangeOnline -Confirm:$false
