# Set-DistributionGroup -GrantSendOnBehalfTo: add and remove delegates; a mail contact can't be one;
# a mailbox is not a distribution group.
Set-DistributionGroup "All Staff" -GrantSendOnBehalfTo @{Add="michelle","kim"}
Set-DistributionGroup "All Staff" -GrantSendOnBehalfTo @{Remove="kim"}
Get-DistributionGroup "All Staff" | Format-List GrantSendOnBehalfTo
Set-DistributionGroup "All Staff" -GrantSendOnBehalfTo partner
Set-DistributionGroup karen -GrantSendOnBehalfTo michelle
Set-DistributionGroup "All Staff" -GrantSendOnBehalfTo @{Add="michelle"}
