# Company policy: everybody can see free/busy with subject and location (LimitedDetails)
# on every user calendar. Run monthly.
$Mailboxes = Get-Mailbox -RecipientTypeDetails UserMailbox -ResultSize Unlimited
$i = 0
foreach ($m in $Mailboxes) {
    $i++
    Write-Progress -Activity "Resetting calendar permissions" -Status "$($m.DisplayName) ($i of $($Mailboxes.Count))" -PercentComplete (($i / $Mailboxes.Count) * 100)
    Set-MailboxFolderPermission -Identity "$($m.Alias):\Calendar" -User Default -AccessRights LimitedDetails -WarningAction SilentlyContinue
}
Write-Progress -Activity "Resetting calendar permissions" -Completed
Write-Host "$i calendars done"

Get-Mailbox -RecipientTypeDetails UserMailbox | ForEach-Object { Get-MailboxFolderPermission "$($_.Alias):\Calendar" -User Default } | Select-Object Identity, FolderName, User, AccessRights
