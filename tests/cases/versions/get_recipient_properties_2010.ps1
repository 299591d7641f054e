# exchange: Exchange2010
# Get-Recipient -Properties exists from Exchange 2013 on (doc: Get-Recipient, "reserved for
# internal Microsoft use"); Exchange 2010 has no such parameter.
Get-Recipient karen -Properties Name
