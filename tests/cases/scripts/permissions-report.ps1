# A Full Access / Send As / Send on Behalf report over all user and shared mailboxes, exported to
# CSV (on-premises). A few grants are made first so the report has rows.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -AutoMapping:$false | Out-Null
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Add-ADPermission -Identity 'Help Desk' -User kim -ExtendedRights 'Send As' | Out-Null
Set-Mailbox karen -GrantSendOnBehalfTo michelle

$ReportFile = "permissions-report-$(Get-Date -Format 'yyyyMMdd').csv"
$Report = @()
$Mailboxes = Get-Mailbox -ResultSize Unlimited -RecipientTypeDetails UserMailbox, SharedMailbox
$i = 0
foreach ($Mailbox in $Mailboxes) {
    $i++
    Write-Progress -Activity 'Collecting permissions' -Status $Mailbox.DisplayName -PercentComplete ($i / $Mailboxes.Count * 100)
    $FullAccess = Get-MailboxPermission -Identity $Mailbox.Identity |
        Where-Object { $_.IsInherited -eq $false -and $_.User -notlike 'NT AUTHORITY\SELF' -and $_.AccessRights -like '*FullAccess*' }
    foreach ($Perm in $FullAccess) {
        $Report += [PSCustomObject]@{
            Mailbox    = $Mailbox.DisplayName
            Email      = $Mailbox.PrimarySmtpAddress
            Permission = 'FullAccess'
            Delegate   = $Perm.User.ToString()
        }
    }
    $SendAs = Get-ADPermission -Identity $Mailbox.DistinguishedName |
        Where-Object { $_.ExtendedRights -like '*Send-As*' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\SELF' }
    foreach ($Perm in $SendAs) {
        $Report += [PSCustomObject]@{
            Mailbox    = $Mailbox.DisplayName
            Email      = $Mailbox.PrimarySmtpAddress
            Permission = 'SendAs'
            Delegate   = $Perm.User.ToString()
        }
    }
    foreach ($Delegate in $Mailbox.GrantSendOnBehalfTo) {
        $Report += [PSCustomObject]@{
            Mailbox    = $Mailbox.DisplayName
            Email      = $Mailbox.PrimarySmtpAddress
            Permission = 'SendOnBehalf'
            Delegate   = "$Delegate"
        }
    }
}
Write-Progress -Activity 'Collecting permissions' -Completed

Write-Host "Found $($Report.Count) permissions on $($Mailboxes.Count) mailboxes" -ForegroundColor Green
$Report | Sort-Object Mailbox, Permission | Export-Csv -Path $ReportFile -NoTypeInformation -Encoding UTF8
Get-Content $ReportFile
$Report | Group-Object Permission | Select-Object Name, Count | Format-Table -AutoSize
Remove-Item $ReportFile
