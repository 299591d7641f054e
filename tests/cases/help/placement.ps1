# Where a help block counts (HelpCommentsParser.GetHelpCommentTokens): the first help block at the
# start of the body wins over later ones (blocks on consecutive lines are one block, where a
# repeated keyword's last section wins), a non-help block before it is skipped; a keyword that
# takes no argument written with one (`.SYNOPSIS text`) makes the block no help; at the end of
# the body any distance is fine; a script's help may sit at the end of the file.

function Start-Body {
    # An ordinary comment first.

    <#
    .SYNOPSIS
    From the start of the body.
    #>

    <#
    .SYNOPSIS
    Not this one.
    #>
    'x'
}
function Same-Line {
    <# .SYNOPSIS Text on the keyword line. #>
}
function End-Of-Body {
    'x'



    # .SYNOPSIS
    # From the end of the body.
}
(Get-Help Start-Body).Synopsis
(Get-Help Same-Line).Synopsis
(Get-Help End-Of-Body).Synopsis
function Joined {
    <#
    .SYNOPSIS
    First.
    #>
    <#
    .SYNOPSIS
    Second.
    #>
}
(Get-Help Joined).Synopsis
(Get-Help .\lib\end-help.ps1).Synopsis
Get-Help .\lib\end-help.ps1 -Parameter Count
