# -ErrorAction Stop makes the Exchange error terminating, so catch sees it; the script goes on after.
try {
    Add-MailboxPermission -Identity ghost -User michelle -AccessRights FullAccess -ErrorAction Stop
    'not reached'
} catch {
    "caught: $($_.Exception.Message)"
    $_.CategoryInfo.Reason
}
'after'
