# Get-MailboxStatistics: the default table, and TotalItemSize as scripts read it: split as text,
# or through Unlimited<ByteQuantifiedSize>'s Value and its ToMB()/ToGB() (the size-report idiom).
# After the table, the size object is another type, so it prints as a list (one output session).
# The unit methods take no arguments, and the Unlimited wrapper has none of them (use .Value).
"karen", "room1" | Get-Mailbox | Get-MailboxStatistics
$s = Get-MailboxStatistics karen
$s.TotalItemSize
$bytes = [long]($s.TotalItemSize.ToString().Split("(")[1].Split(" ")[0].Replace(",", ""))
"{0:N1} MB" -f ($bytes / 1MB)
"$($s.TotalItemSize.Value.ToMB()) MB, $($s.TotalItemSize.Value.ToBytes()) bytes, $($s.TotalItemSize.Value.ToGB()) GB"
$s.TotalItemSize.IsUnlimited
(Get-MailboxFolderStatistics karen -FolderScope Inbox | Select-Object -First 1).FolderSize.ToKB()
Get-MailboxStatistics karen | Select-Object DisplayName, @{n='SizeMB'; e={ $_.TotalItemSize.Value.ToMB() }} | Format-Table -AutoSize
Get-MailboxStatistics ghost
(Get-MailboxStatistics karen).TotalItemSize.Value.ToMB(1)
(Get-MailboxStatistics karen).TotalItemSize.ToMB()
