# org: orgs/delegations.json
# Calendar permission reset: remove every explicit calendar entry (keep Default and Anonymous)
# and put Default back to AvailabilityOnly. Asked for by security after the audit.
$ErrorActionPreference = 'Stop'
$aliases = Get-Mailbox -ResultSize Unlimited | Select-Object -ExpandProperty Alias
$removed = 0
$aliases | ForEach-Object {
    $cal = "$_`:\Calendar"
    try {
        $entries = Get-MailboxFolderPermission -Identity $cal -ErrorAction Stop | Where-Object { $_.User.UserType -notin 'Default', 'Anonymous' }
        foreach ($e in $entries) {
            Remove-MailboxFolderPermission -Identity $cal -User $e.User.DisplayName -Confirm:$false -ErrorAction Stop
            Write-Output "Removed $($e.User.DisplayName) from $cal"
            $removed++
        }
        Set-MailboxFolderPermission -Identity $cal -User Default -AccessRights AvailabilityOnly -WarningAction SilentlyContinue -ErrorAction Stop
    }
    catch {
        Write-Warning "$cal : $($_.Exception.Message)"
    }
}
"Removed $removed entries"
