# Binding errors of script functions: bad conversion, unknown parameter, missing argument.
# Each ends only its statement; the script goes on.
function Set-Quota {
    param([string]$Identity, [int]$SizeMB)
    "quota $Identity = $SizeMB"
}
Set-Quota karen 100
Set-Quota -Identity karen -SizeMB lots
Set-Quota -Identity karen -Size 5
Set-Quota -Identity karen -Quota 5
Set-Quota -Identity
'still running'
