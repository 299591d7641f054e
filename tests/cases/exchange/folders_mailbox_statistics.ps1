# Get-MailboxStatistics: the default table, and TotalItemSize as the string scripts split.
"karen", "room1" | Get-Mailbox | Get-MailboxStatistics
$s = Get-MailboxStatistics karen
$s.TotalItemSize
$bytes = [long]($s.TotalItemSize.ToString().Split("(")[1].Split(" ")[0].Replace(",", ""))
"{0:N1} MB" -f ($bytes / 1MB)
Get-MailboxStatistics ghost
