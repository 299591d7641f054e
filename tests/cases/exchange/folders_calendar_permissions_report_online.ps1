# exchange: Online
# cwd: temp
# The calendar permissions report against Exchange Online, written as one pipeline.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate | Out-Null
Get-Mailbox -ResultSize Unlimited | ForEach-Object {
    $mbx = $_
    Get-MailboxFolderStatistics -Identity $mbx.UserPrincipalName -FolderScope Calendar | Where-Object { $_.FolderType -eq "Calendar" } | ForEach-Object {
        Get-MailboxFolderPermission -Identity "$($mbx.UserPrincipalName):\$($_.Name)" |
            Select-Object @{n="Mailbox";e={$mbx.PrimarySmtpAddress}}, FolderName, User, @{n="AccessRights";e={$_.AccessRights -join ","}}, SharingPermissionFlags
    }
} | Where-Object { $_.User -notin "Default", "Anonymous" } | Export-Csv -Path report.csv -NoTypeInformation
Get-Content report.csv
Remove-Item report.csv
