# Runs the first finding's Fix, checks that this finding is gone, audits again, until none is left.
$n = 0
while (($all = @(Get-PermissionAudit)).Count -gt 0 -and $n -lt 40) {
    $f = $all[0]
    Invoke-Expression $f.Fix | Out-Null
    $same = @(Get-PermissionAudit | Where-Object {
        $_.Kind -eq $f.Kind -and $_.Object -eq $f.Object -and $_.Trustee -eq $f.Trustee -and $_.Permission -eq $f.Permission
    })
    $state = if ($same.Count -eq 0) { 'gone' } else { 'STILL THERE' }
    "$($f.Kind) ${state}: $($f.Fix)"
    $n++
}
"After $n fixes: $(@(Get-PermissionAudit).Count) findings"
