# Two missing mandatory parameters of a function: one prompt header, then each name.
# stdin: a|b
function Get-Pair {
    param([Parameter(Mandatory=$true)]$First, [Parameter(Mandatory=$true)]$Second)
    "$First and $Second"
}
Get-Pair
