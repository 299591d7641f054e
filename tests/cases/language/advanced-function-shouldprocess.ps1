# stdin: n|y|y|n|y
# Advanced functions: $PSCmdlet.ShouldProcess in its three forms (MshCommandRuntime.ShouldProcess:
# ShouldProcessMessage "Performing the operation "{0}" on target "{1}"." with the function name
# as the operation for ShouldProcess(target); ShouldProcessWhatIfMessage "What if: {0}";
# ShouldProcessWarningFallback as the query, "Confirm" as the caption). ConfirmImpact='High'
# reaches the default $ConfirmPreference (High) and asks; Medium asks only under -Confirm;
# -Confirm:$false never asks. ShouldContinue always asks, with Yes/No only.
# $PSCmdlet.ParameterSetName, MyInvocation, WriteVerbose (under -Verbose), WriteWarning, WriteError,
# ThrowTerminatingError (id suffixed with the function's name).
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory)][string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, "Remove thing")) { "removed $Name" } else { "kept $Name" }
}
function Set-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "set $Name" }
    if ($PSCmdlet.ShouldProcess("Setting the thing $Name", "Set the thing ${Name}?", "Setting")) { "set again $Name" }
}
Remove-Thing -Name a -WhatIf
Set-Thing -Name b -WhatIf
Set-Thing -Name c
Remove-Thing -Name d
Remove-Thing -Name e
Set-Thing -Name f -Confirm
Remove-Thing -Name g -Confirm:$false
function Get-Set {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param([Parameter(ParameterSetName = 'ByName')]$Name, [Parameter(ParameterSetName = 'ById')]$Id)
    $PSCmdlet.WriteVerbose("verbose text")
    $PSCmdlet.WriteWarning("warning text")
    $PSCmdlet.ParameterSetName
    $PSCmdlet.MyInvocation.MyCommand.Name
}
Get-Set -Id 3
Get-Set -Name x -Verbose
function Ask { [CmdletBinding()] param() if ($PSCmdlet.ShouldContinue("Really do it?", "Question")) { "yes" } else { "no" } }
Ask
function Fail { [CmdletBinding()] param() $PSCmdlet.WriteError((Write-Error "inner" 2>&1)); "after write"; 
  $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new("terminated"), "MyErrId", "InvalidOperation", $null)); "not here" }
try { Fail } catch { "caught: $_ | $($_.FullyQualifiedErrorId) | $($_.Exception.GetType().FullName)" }
# An Exchange cmdlet is a proxy function in a script module: the function's -WhatIf (its local
# $WhatIfPreference) does not reach it (PowerShell issues #4568, #6556); passing it on does.
function Rename-Box {
    [CmdletBinding(SupportsShouldProcess)]
    param($Identity, $Name)
    Set-Mailbox -Identity $Identity -DisplayName $Name
    Set-Mailbox -Identity $Identity -DisplayName "$Name 2" -WhatIf:$WhatIfPreference
}
Rename-Box -Identity karen -Name "Karen Renamed" -WhatIf
(Get-Mailbox karen).DisplayName
