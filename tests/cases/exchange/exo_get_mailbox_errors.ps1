# exchange: Online
# The REST cmdlets' own errors: an identity that does not resolve, an unknown -Properties name,
# an unknown property set; -ErrorAction applies as to any local cmdlet.
Get-EXOMailbox ghost
Get-EXOMailbox -UserPrincipalName ghost@contoso.com
Get-EXOMailbox karen -Properties Department2
Get-EXOMailbox karen -PropertySets Quotas
Get-EXOMailbox ghost -ErrorAction SilentlyContinue
try { Get-EXOMailbox ghost -ErrorAction Stop } catch { "Caught: $($_.Exception.GetType().Name)" }
Get-EXOMailbox -ExternalDirectoryObjectId karen
Get-EXOMailbox -ExternalDirectoryObjectId 25DC1ED285F74105A04DDAEB372E7ABF | Format-Table Name,ExternalDirectoryObjectId
Get-EXOMailbox -RecipientTypeDetails Foo
