# cwd: temp
# The on-premises "calendar permissions of all mailboxes" report, as admins write it.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Add-MailboxFolderPermission -Identity room1:\Calendar -User "Karen Berg" -AccessRights Reviewer | Out-Null
$mailboxes = Get-Mailbox -ResultSize Unlimited
$result = foreach ($mbx in $mailboxes) {
    $calendar = Get-MailboxFolderStatistics -Identity $mbx.Identity -FolderScope Calendar | Where-Object { $_.FolderType -eq "Calendar" }
    Get-MailboxFolderPermission -Identity "$($mbx.Alias):\$($calendar.Name)" |
        Where-Object { $_.User.DisplayName -notin "Default", "Anonymous" } |
        Select-Object @{n="Mailbox";e={$mbx.DisplayName}}, FolderName, @{n="User";e={$_.User.DisplayName}}, @{n="AccessRights";e={$_.AccessRights -join ","}}
}
$result | Export-Csv -Path report.csv -NoTypeInformation
Get-Content report.csv
Remove-Item report.csv
Get-Mailbox | ForEach-Object { Get-MailboxFolderStatistics $_ -FolderScope Calendar } | Measure-Object ItemsInFolder -Sum | Select-Object Count,Sum
