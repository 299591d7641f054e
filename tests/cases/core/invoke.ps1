# Invoke-Expression (iex) runs text in the caller's scope; Invoke-Command (icm) runs a block locally in a child scope.
$name = 'karen'
Invoke-Expression '$greeting = "hello $name"'
$greeting
iex '1 + 2'
'Get-Mailbox -Identity karen | Select-Object -ExpandProperty Alias' | Invoke-Expression
iex 'function Get-Twice($n) { $n * 2 }'
Get-Twice 4
Invoke-Expression '1 +'
Invoke-Expression 'Get-NoSuchThing'
'after errors'
Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 40, 2
icm { $inner = 'set inside'; $args.Count } -ArgumentList 1, 2, 3
$null -eq $inner
Invoke-Command { $kept = 'kept' } -NoNewScope
$kept
Invoke-Command -ComputerName EX01 -ScriptBlock { hostname }
'done'
