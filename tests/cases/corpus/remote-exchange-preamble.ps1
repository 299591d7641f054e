# org: orgs/delegations.json
# Scheduled task on the Exchange server: load EMS the way the shortcut does when the
# Exchange cmdlets are not there yet, then list the Send As grants.
if (-not (Get-Command Get-Mailbox -ErrorAction SilentlyContinue)) {
    . $env:ExchangeInstallPath\bin\RemoteExchange.ps1
    Connect-ExchangeServer -auto -ClientApplication:ManagementShell
}

$sendAs = Get-Mailbox -ResultSize Unlimited | Get-ADPermission | Where-Object {
    $_.ExtendedRights -like "*Send-As*" -and $_.IsInherited -eq $false -and $_.User -notlike "NT AUTHORITY\SELF"
}
Write-Host "$(@($sendAs).Count) Send As grant(s) found"
$sendAs | Select-Object @{n="Mailbox";e={$_.Identity.Name}}, User
