# exchange: Exchange2010
# The same checks in Exchange 2010 (2010 layout).
Get-Recipient -ResultSize 0
