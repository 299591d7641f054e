# exchange: Online
# A typical Exchange Online delegation report: Full Access, Send As and Send on Behalf of every
# mailbox, exported to CSV and read back.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Add-RecipientPermission -Identity karen -AccessRights SendAs -Trustee michelle -Confirm:$false | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo amy
Add-MailboxPermission -Identity helpdesk -User "Help Desk Agents" -AccessRights FullAccess | Out-Null

$report = @()
$mailboxes = Get-EXOMailbox -ResultSize Unlimited -Properties GrantSendOnBehalfTo
foreach ($mbx in $mailboxes) {
    $full = Get-EXOMailboxPermission -Identity $mbx.UserPrincipalName |
        Where-Object { $_.User -ne "NT AUTHORITY\SELF" -and $_.IsInherited -eq $false -and $_.AccessRights -like "*FullAccess*" }
    foreach ($p in $full) {
        $report += [PSCustomObject]@{
            Mailbox    = $mbx.PrimarySmtpAddress
            Type       = $mbx.RecipientTypeDetails
            Permission = "FullAccess"
            Delegate   = $p.User
        }
    }
    $sendAs = Get-EXORecipientPermission -Identity $mbx.UserPrincipalName -AccessRights SendAs |
        Where-Object { $_.Trustee -ne "NT AUTHORITY\SELF" }
    foreach ($p in $sendAs) {
        $report += [PSCustomObject]@{
            Mailbox    = $mbx.PrimarySmtpAddress
            Type       = $mbx.RecipientTypeDetails
            Permission = "SendAs"
            Delegate   = $p.Trustee
        }
    }
    foreach ($d in $mbx.GrantSendOnBehalfTo) {
        $report += [PSCustomObject]@{
            Mailbox    = $mbx.PrimarySmtpAddress
            Type       = $mbx.RecipientTypeDetails
            Permission = "SendOnBehalf"
            Delegate   = $d
        }
    }
}
$report | Export-Csv -Path delegation-report.csv -NoTypeInformation
Get-Content delegation-report.csv
Import-Csv delegation-report.csv | Format-Table -AutoSize
Remove-Item delegation-report.csv
