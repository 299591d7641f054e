# A help block before `function` (at most one blank line between, CommentBlockProximity = 2),
# parameter descriptions from comments inside param(), .NOTES, an advanced function with
# ShouldProcess (-WhatIf and -Confirm join the syntax and the parameters), and the -Detailed and
# -Examples views. `f -?` prints the default view.

<#
.SYNOPSIS
Sets the colour of a thing.

.DESCRIPTION
Sets the colour.

Several paragraphs stay apart.

.NOTES
Author: Contoso IT

.EXAMPLE
Set-Colour -Name box -Colour red
Makes the box red.

.EXAMPLE
PS C:\> 'box' | Set-Colour -Colour blue
#>

function Set-Colour {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        # The thing to colour.
        [Parameter(Mandatory, ValueFromPipeline)]
        [string]$Name,

        [Parameter(Position = 1)]
        [string[]]
        # One or more colours.
        $Colour = 'black',

        [switch]$Force
    )
    process { "$Name is $Colour" }
}
Get-Help Set-Colour -Detailed
Get-Help Set-Colour -Examples
Set-Colour -?
Get-Help Set-Colour -Full
