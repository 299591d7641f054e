# exchange: Exchange2013
# On-premises, the same parameters exist on every version: -ReadFromDomainController and
# -IgnoreDefaultScope bind and change nothing for these queries.
(Get-Mailbox -ReadFromDomainController -ResultSize 3).Count
(Get-Recipient -IgnoreDefaultScope -ResultSize 2).Count
(Get-User -ReadFromDomainController -ResultSize 1).Count
(Get-DistributionGroup -IgnoreDefaultScope).Count
(Get-DistributionGroupMember "All Staff" -ReadFromDomainController).Count
