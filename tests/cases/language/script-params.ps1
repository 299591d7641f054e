# args: -Mailbox karen -Users michelle,bob -Days 30 -Force
# A script-level param() block bound from the command line: typed, array, default, switch.
# With -File every argument is a string: "michelle,bob" stays one element of [string[]].
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$Mailbox,
    [string[]]$Users,
    [int]$Days = 7,
    [string]$Rights = 'FullAccess',
    [switch]$Force,
    [switch]$WhatIf
)
"Mailbox: $Mailbox"
"Users: $($Users -join ' / ') ($($Users.Count))"
"Days: $Days"
"Rights: $Rights"
"Force: $Force"
"WhatIf: $WhatIf"
$Days.GetType().Name
