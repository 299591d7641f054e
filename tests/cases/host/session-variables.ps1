# The session's automatic variables in Windows PowerShell 5.1.
$PROFILE
$PROFILE.CurrentUserAllHosts
$PROFILE.AllUsersAllHosts
Split-Path -Leaf $PROFILE
$PSHOME
$ShellId
$PSCulture
$PSUICulture
$NestedPromptLevel
$HOME
$PID -gt 0
$ExecutionContext.Host.Name
