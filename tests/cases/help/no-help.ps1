# Functions without comment help: 5.1's syntax-only view (NAME, SYNTAX as Get-Command shows it
# with accelerator type names and a space after each parameter, ALIASES and REMARKS "None";
# HelpV3.format.ps1xml ExtendedCmdletHelpInfo, DefaultCommandHelpObjectBuilder). A comment that is
# not help (no keyword, or text before the first keyword) does not count, nor a block two blank
# lines away from `function`, nor a lone .EXTERNALHELP whose file is missing.

function Simple($Path, [int]$Count) { }
function Advanced {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][string]$Identity, [switch]$Force, [hashtable]$Options)
}
# Just a comment about Plain.
function Plain { }

<#
.SYNOPSIS
Too far away.
#>


function Far { }
function External {
    # .EXTERNALHELP Missing-help.xml
    param($a)
}
Get-Help Simple
Get-Help Advanced
Plain -?
Get-Help Far
Get-Help External
# The -Detailed, -Full and -Examples forms of the syntax-only help (HelpV3.format.ps1xml): the
# parameters sorted by name with 0-based positions, set names, aliases; INPUTS lists the types of
# the parameters that take pipeline input.
function Reboot-Device {
    param([Parameter(Mandatory)][string]$DeviceName, [Parameter(ValueFromPipeline)][Alias('Id')][int]$Number)
}
Get-Help Reboot-Device -Full
Get-Help Reboot-Device -Detailed
Get-Help Simple -Examples
Get-Help Plain -Full
