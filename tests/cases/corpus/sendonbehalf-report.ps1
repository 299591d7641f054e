# org: orgs/delegations.json
Get-Mailbox -ResultSize Unlimited | Where-Object { $_.GrantSendOnBehalfTo } | Select-Object Name, @{Name='SendOnBehalf';Expression={[string]::Join('; ', $_.GrantSendOnBehalfTo)}} | Sort-Object Name
