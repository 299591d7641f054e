# Hashtables and [ordered]: literals, access by key and dot, Add, ContainsKey, Keys, Remove, GetEnumerator.
$h = @{ Mailbox = 'karen'; User = 'michelle' }
$h.Mailbox
$h['User']
$h.Count
$h.Add('Rights', 'FullAccess')
$h.ContainsKey('Rights')
$h.Remove('Rights')
$h.ContainsKey('Rights')
$h.Missing -eq $null
$h.NewKey = 'added'
$h['NewKey']
$o = [ordered]@{ Zeta = 1; Alpha = 2; Mid = 3 }
$o.Keys -join ','
foreach ($k in $o.Keys) { "$k = $($o[$k])" }
$o.GetEnumerator() | ForEach-Object { "$($_.Key):$($_.Value)" }
$empty = @{}
$empty.Count
$o
