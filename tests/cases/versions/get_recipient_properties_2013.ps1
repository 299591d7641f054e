# exchange: Exchange2013
# From Exchange 2013 on, Get-Recipient takes -Properties, which exsh accepts and ignores.
(Get-Recipient karen -Properties Name, Alias).Alias
