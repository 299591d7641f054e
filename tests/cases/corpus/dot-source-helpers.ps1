# Grants a reviewer on several calendars, using the shared helper functions.
. "$PSScriptRoot\corpus-helpers.ps1"

$Reviewer = "michelle"
$Owners = "karen", "amy", "ghost", "john"

foreach ($owner in $Owners) {
    if (-not (Test-MailboxExists $owner)) {
        Write-Log "Mailbox $owner not found, skipped" "WARN"
        continue
    }
    $path = Get-CalendarPath $owner
    Add-MailboxFolderPermission -Identity $path -User $Reviewer -AccessRights Reviewer | Out-Null
    Write-Log "Reviewer for $Reviewer on $path"
}
Write-Log ("{0} log lines written" -f ($script:LogLines.Count + 1))
