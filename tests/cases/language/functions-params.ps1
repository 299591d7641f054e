# Functions: simple params, typed params with defaults, switches, positional binding, $args,
# [Parameter(Mandatory)] supplied, named-parameter prefixes, and the return value.
function Add-Numbers([int]$a, [int]$b = 10) { $a + $b }
Add-Numbers 1 2
Add-Numbers 5
Add-Numbers -b 1 -a 2
Add-Numbers '3' '4'
function Show-Args { "count $($args.Count): $($args -join '|')" }
Show-Args one two three
function Grant-Access {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string]$Identity,
        [Parameter(Mandatory = $true)]
        [string]$User,
        [ValidateSet('FullAccess', 'ReadPermission')]
        [string]$AccessRights = 'FullAccess',
        [switch]$AutoMapping
    )
    "grant $AccessRights on $Identity to $User (automapping: $AutoMapping)"
}
Grant-Access karen -User michelle
Grant-Access -Identity karen -User bob -AccessRights ReadPermission -AutoMapping
Grant-Access karen -Us al -AutoMapping:$false
function Get-Pair { return 'a', 'b' }
$p = Get-Pair
$p.Count
function Get-Nothing { }
$nothing = Get-Nothing
$null -eq $nothing
function Set-Outer { $script:outer = 'changed' }
$outer = 'original'
Set-Outer
$outer
function Read-Local { $local = 'inside'; $outer }
Read-Local
"[$local]"
