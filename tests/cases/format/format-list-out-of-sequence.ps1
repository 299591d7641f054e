# A FormatEntryData on its own (no start and group packets before it) is out of sequence.
$fl = Get-Mailbox karen | Format-List Name, Alias
$fl.Count
$fl[2]
"not printed"
