# exchange: Online
# The owner-type and empty-owner errors in the Exchange Online layout.
Set-DistributionGroup allstaff -ManagedBy projector1
Set-DistributionGroup allstaff -ManagedBy $null
Get-DistributionGroup allstaff | Format-List ManagedBy
