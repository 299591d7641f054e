# Help written as consecutive `#` line comments at the start of the body; the help object's
# Synopsis, description and examples as scripts read them; .FORWARDHELPTARGETNAME shows the
# target command's help instead; .COMPONENT/.ROLE/.FUNCTIONALITY are kept on the object.

function Get-Widget {
    # .SYNOPSIS
    # Gets widgets.
    # .DESCRIPTION
    # Gets every widget in the store.
    # .EXAMPLE
    # Get-Widget
    # All widgets.
    # .COMPONENT
    # Store
    param()
    'widget'
}
function Show-Help {
    <#
    .FORWARDHELPTARGETNAME Get-Widget
    #>
    param()
}
$h = Get-Help Get-Widget
$h.Synopsis
$h.description[0].Text
$h.examples.example.Count
$h.examples.example[0].code
$h.examples.example[0].remarks[0].Text
$h.Component
$h.Category
(Get-Help Show-Help).Name
Get-Help Get-Widget -Examples
# A wildcard that matches one function shows its help; several list their synopses.
function Get-Gadget {
    <#
    .SYNOPSIS
    Gets gadgets.
    #>
    param()
}
Get-Help Get-Wid*
Get-Help Get-*dget
