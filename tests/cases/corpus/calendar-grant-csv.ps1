# Calendar permissions from CSV. If the delegate already has an entry, change it instead.
# org: orgs/delegations.json
param(
    [string]$CsvFile = ".\calendar-grant-csv.csv"
)

$entries = Import-Csv $CsvFile
foreach ($e in $entries) {
    $cal = $e.Owner + ":\Calendar"
    try {
        Add-MailboxFolderPermission -Identity $cal -User $e.Delegate -AccessRights $e.Rights -ErrorAction Stop | Out-Null
        Write-Host "Added $($e.Rights) for $($e.Delegate) on $cal"
    }
    catch {
        try {
            Set-MailboxFolderPermission -Identity $cal -User $e.Delegate -AccessRights $e.Rights -ErrorAction Stop
            Write-Host "Updated $($e.Delegate) on $cal to $($e.Rights)"
        }
        catch {
            Write-Host "Error on $cal for $($e.Delegate): $($_.Exception.Message)" -ForegroundColor Red
        }
    }
}

Get-MailboxFolderPermission -Identity karen:\Calendar
