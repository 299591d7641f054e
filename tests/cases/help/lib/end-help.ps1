param(
    [int]$Count = 5  # How many.
)
'ran'

<#
.SYNOPSIS
Help at the end of the script.
#>
