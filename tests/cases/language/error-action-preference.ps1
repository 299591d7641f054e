# $ErrorActionPreference = 'Stop' turns core cmdlet errors into catchable terminating errors;
# Exchange cmdlets only honour -ErrorAction (their proxies live in a module scope).
$ErrorActionPreference = 'Stop'
try { Write-Error 'core error' ; 'not reached' } catch { "caught core: $_" }
try { Get-Mailbox ghost; 'exchange went on' } catch { 'caught exchange' }
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'hidden'
'done'
