# exchange: Online
# pwsh 7's null-coalescing, ternary and null-conditional operators.
$n = $null
$n ?? 'default'
0 ?? 'zero is not null'
$n ??= 5
$n
$n ??= 6
$n
$t = $true ? 'yes' : 'no'
$t
(1 -gt 2) ? 'big' : 'small'
$mbx = Get-Mailbox karen
${mbx}?.Alias
$none = $null
${none}?.Alias
${none}?[0]
${none}?.ToString()
$arr = 'x', 'y'
${arr}?[1]
"$(${mbx}?.Name ?? 'none') / $(${none}?.Name ?? 'none')"
