# Dot-sourcing runs in the caller's scope; & and plain calls get their own.
function Set-W { $w = 5 }
Set-W
"plain call: w=[$w]"
. Set-W
"dot-sourced: w=[$w]"
& { $v = 1 }
"call operator: v=[$v]"
. { $v = 2; function Get-Helper { 'helper' } }
"dot block: v=[$v]"
Get-Helper
