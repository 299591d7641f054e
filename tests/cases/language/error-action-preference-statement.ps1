# $ErrorActionPreference also governs statement-terminating errors (ExceptionHandlingOps.
# CheckActionPreference): SilentlyContinue records them in $Error without showing them; Stop makes
# them terminating: catchable (an unknown command is a CommandNotFoundException), else the end.
$ErrorActionPreference = 'SilentlyContinue'
$z = 0
1 / $z
"after silent division: $($Error[0])"
nosuch-cmd
"after silent unknown command: $($Error.Count)"
$ErrorActionPreference = 'Stop'
try { nosuch-cmd2 } catch [System.Management.Automation.CommandNotFoundException] { "caught unknown command: $($_.CategoryInfo.Reason)" }
try { 1 / $z; "not here" } catch { "caught division" }
"before the end"
nosuch-cmd3
"never"
