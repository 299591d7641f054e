# The elevation check at the top of many admin scripts (xiilos PermissionsOnPremOrO365Combined.ps1
# and others): exsh runs as the org's Administrator in an elevated session, so it passes.
$currentPrincipal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $currentPrincipal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Host "Please run this script as an administrator"
    exit 1
}
Write-Host "Elevated"
$isAdmin = ([Security.Principal.WindowsPrincipal] [Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole] "Administrator")
"Admin: $isAdmin"
$id = [System.Security.Principal.WindowsIdentity]::GetCurrent()
$id.Name
$id.Name.Split('\')[1]
$id.User.Value
$id.IsAuthenticated
$id.GetType().FullName
$currentPrincipal.Identity.Name
[Security.Principal.WindowsPrincipal]::new($id).IsInRole(544)
# Group roles come from the org: Administrator is in Domain Admins and Organization Management.
$currentPrincipal.IsInRole('BUILTIN\Administrators')
$currentPrincipal.IsInRole('Users')
$currentPrincipal.IsInRole('CONTOSO\Domain Admins')
$currentPrincipal.IsInRole('Organization Management')
$currentPrincipal.IsInRole('Help Desk Agents')
$currentPrincipal.IsInRole([Security.Principal.WindowsBuiltInRole]::Guest)
$currentPrincipal.IsInRole('No Such Group')
