# Get-Help of a name that is no command is HelpNotFound; -Parameter with a pattern that matches
# no parameter of a function is NoParmsFound, with or without comment help. -Parameter prints
# the matching parameters' blocks (MamlCommandHelpInfo#Parameter), also of a function without help.

function Get-Thing {
    <#
    .SYNOPSIS
    Gets a thing.
    .PARAMETER Name
    The name of the thing.
    #>
    param([string]$Name, [int]$Size = 3)
}
function Bare($x) { }
Get-Help Get-Thing -Parameter Name
Get-Help Get-Thing -Parameter *
Get-Help Get-Thing -Parameter Colour
Get-Help Bare -Parameter x
Get-Help Bare -Parameter y
Get-Help No-Such-Command
'done'
# Without .OUTPUTS, -Full's OUTPUTS shows the [OutputType()] types.
function Get-Typed {
    <#
    .SYNOPSIS
    Typed.
    #>
    [OutputType([string], 'Contoso.Widget')]
    param()
}
Get-Help Get-Typed -Full
# -Online: a help whose links hold no address, and a command without help, are NoURIFound; with
# an address exsh starts no browser and prints nothing.
function Get-Linked {
    <#
    .SYNOPSIS
    Linked.
    .LINK
    https://contoso.example/get-linked
    #>
}
Get-Help Get-Linked -Online
Get-Help Get-Typed -Online
Get-Help Bare -Online
'end'
