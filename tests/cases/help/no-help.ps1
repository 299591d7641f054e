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
