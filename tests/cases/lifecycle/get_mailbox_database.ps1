# Get-MailboxDatabase's default table, -Status, -Server and a database that does not exist.
Get-MailboxDatabase
Get-MailboxDatabase DB01 -Status | Format-List Name,Server,Mounted,Recovery,ReplicationType
Get-MailboxDatabase -Server EX01 | Format-Table Name -AutoSize
Get-MailboxDatabase DB09
