<#
.SYNOPSIS
The help of Get-Data, not of the script: at most one blank line before the first function.
#>

function Get-Data { }
