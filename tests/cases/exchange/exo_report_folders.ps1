# exchange: Online
# Report idioms seen in Exchange Online permission reports: a comma-separated RecipientTypeDetails
# string, display names looked up with Get-EXOMailbox in try/catch, folder permissions read as
# "<upn>:\<folder>" with lower-case folder names, filtered with -match, exported and re-read.
Add-MailboxFolderPermission -Identity karen:\Calendar -User michelle -AccessRights Editor -SharingPermissionFlags Delegate | Out-Null
Add-MailboxFolderPermission -Identity helpdesk:\Inbox -User kim -AccessRights Reviewer | Out-Null
Set-Mailbox -Identity helpdesk -GrantSendOnBehalfTo david

function Get-DisplayName($identity) {
    try { return (Get-EXOMailbox -Identity $identity -ErrorAction Stop).DisplayName }
    catch { return $identity }
}

$mailboxes = Get-EXOMailbox -ResultSize unlimited -RecipientTypeDetails "UserMailbox,SharedMailbox" -Properties GrantSendOnBehalfTo, ForwardingSMTPAddress |
    Select-Object UserPrincipalName, DisplayName, PrimarySMTPAddress, RecipientTypeDetails, GrantSendOnBehalfTo, ForwardingSMTPAddress
"Mailboxes: $($mailboxes.Count)"
$rows = foreach ($m in $mailboxes) {
    foreach ($folder in "inbox", "calendar") {
        $entries = Get-EXOMailboxFolderPermission -Identity "$($m.UserPrincipalName):\$folder" |
            Where-Object { -not ($_.User -match "Default") -and -not ($_.AccessRights -match "None") }
        foreach ($e in $entries) {
            [PSCustomObject]@{
                "Display Name" = $m.DisplayName
                "Folder"       = $folder
                "User"         = Get-DisplayName $e.User
                "Permission"   = $e.AccessRights -join ","
                "Delegated"    = $e.SharingPermissionFlags
            }
        }
    }
    foreach ($d in $m.GrantSendOnBehalfTo) {
        [PSCustomObject]@{
            "Display Name" = $m.DisplayName
            "Folder"       = ""
            "User"         = Get-DisplayName $d
            "Permission"   = "SendOnBehalf"
            "Delegated"    = ""
        }
    }
}
$rows | Export-Csv -Path folder-report.csv -NoTypeInformation
Get-Content folder-report.csv
Import-Csv folder-report.csv | Format-Table -AutoSize
Remove-Item folder-report.csv
