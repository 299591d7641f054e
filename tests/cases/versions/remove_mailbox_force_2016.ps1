# exchange: Exchange2016
# From Exchange 2013 on, Remove-Mailbox takes -Force.
Remove-Mailbox john -Force -Confirm:$false
Get-Mailbox john -ErrorAction SilentlyContinue
"removed"
