# exchange: Online
# Exchange Online's Get-Mailbox, Get-Recipient and Get-User have no -Credential,
# -IgnoreDefaultScope or -ReadFromDomainController (on-premises only, per their doc pages);
# Get-DistributionGroup and Get-DistributionGroupMember lack the last two.
$c = $null
Get-Mailbox karen -ReadFromDomainController
Get-Recipient -IgnoreDefaultScope
Get-User -Credential $c
Get-DistributionGroup -IgnoreDefaultScope
Get-DistributionGroupMember "All Staff" -ReadFromDomainController
