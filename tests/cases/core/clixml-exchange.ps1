# Exchange objects round-trip: Get-Mailbox | Export-Clixml, then Import-Clixml shows the same
# default table (the type names already carry `Deserialized.`, which is not doubled).
Get-Mailbox | Export-Clixml C:\clixml-mailboxes.xml
Get-Mailbox
Import-Clixml C:\clixml-mailboxes.xml
(Import-Clixml C:\clixml-mailboxes.xml)[1] | Get-Member -Name Alias, ToString
