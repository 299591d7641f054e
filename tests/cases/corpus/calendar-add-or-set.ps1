# org: orgs/delegations.json
# Make sure the assistants are Editors on their manager's calendar.
# Adds the permission when missing, changes it when it's there with other rights.
$pairs = @{ "karen" = "michelle"; "john" = "kim"; "david" = "amy" }

foreach ($manager in ($pairs.Keys | Sort-Object)) {
    $assistant = $pairs[$manager]
    $calendar = (Get-MailboxFolderStatistics -Identity $manager -FolderScope Calendar | Where-Object { $_.FolderType -eq "Calendar" }).Name
    $id = "${manager}:\$calendar"
    $existing = Get-MailboxFolderPermission -Identity $id -User $assistant -ErrorAction SilentlyContinue
    if (!$existing) {
        Add-MailboxFolderPermission -Identity $id -User $assistant -AccessRights Editor | Out-Null
        Write-Host "[$manager] added Editor for $assistant"
    }
    elseif ($existing.AccessRights -notcontains "Editor") {
        Set-MailboxFolderPermission -Identity $id -User $assistant -AccessRights Editor
        Write-Host "[$manager] changed $assistant from $($existing.AccessRights) to Editor"
    }
    else {
        Write-Host "[$manager] $assistant is already Editor"
    }
}
