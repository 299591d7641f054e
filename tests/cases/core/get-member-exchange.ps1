# Exchange objects arrive through implicit remoting as Deserialized property bags: GetType and
# ToString only, their properties as Property members with full .NET type names, the remoting
# note properties as NoteProperty.
Get-Mailbox karen | Get-Member -Name Alias, Name, IsShared, Get*, ToString, PSComputerName, RunspaceId
(Get-Mailbox karen | Get-Member -MemberType Method).Name
(Get-Mailbox | Get-Member).TypeName | Select-Object -Unique
