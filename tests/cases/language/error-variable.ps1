# -ErrorVariable name starts the variable afresh (an ArrayList) for each command, +name appends;
# -ErrorAction Ignore leaves $Error alone; $? after a cmdlet, a failed cmdlet and an expression;
# $Error is an ArrayList (about_CommonParameters, about_Automatic_Variables).
Get-Mailbox nosuch1 -ErrorAction SilentlyContinue -ErrorVariable ev
Get-Mailbox nosuch2 -ErrorAction SilentlyContinue -ErrorVariable +ev
"ev count: $($ev.Count)"
Get-Mailbox nosuch3 -ErrorAction SilentlyContinue -ErrorVariable ev
"ev count after reset: $($ev.Count)"
$Error.Clear()
Get-Mailbox nosuch4 -ErrorAction Ignore
"error count after Ignore: $($Error.Count)"
Get-Mailbox karen | Out-Null; "ok: $?"
Get-Mailbox nosuch5 -ErrorAction SilentlyContinue; "failed: $?"
1 + 1 | Out-Null; "expression: $?"
$Error.GetType().FullName
$ev.GetType().FullName
Get-Mailbox karen -ErrorVariable none | Out-Null; "no error: $($none.Count)"
