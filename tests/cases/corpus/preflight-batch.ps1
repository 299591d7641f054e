# Quick pre-flight before a migration batch: stop if a mailbox of the batch is missing.
$batch = 'karen', 'michelle', 'amy', 'jdoe', 'john'
$missing = 0
Write-Host "Checking $($batch.Count) mailboxes " -NoNewline
foreach ($b in $batch) {
    if (Get-Recipient -Identity $b -ErrorAction SilentlyContinue) {
        Write-Host "." -NoNewline
    } else {
        Write-Host "x" -NoNewline -ForegroundColor Red
        $missing++
    }
}
Write-Host ""
if ($missing -gt 0) {
    Write-Host "$missing mailbox(es) not found - fix the batch file first." -ForegroundColor Red; exit 1
}
Write-Host "All good."
