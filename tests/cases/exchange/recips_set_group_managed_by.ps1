# Set-DistributionGroup -ManagedBy: mailboxes, mail users, mail contacts and security groups may own
# a group; rooms, equipment and distribution groups may not; a group needs at least one owner.
Set-DistributionGroup allstaff -ManagedBy karen,helpdeskagents
Get-DistributionGroup allstaff | Format-List Name,ManagedBy
Set-DistributionGroup allstaff -ManagedBy room1
Set-DistributionGroup allstaff -ManagedBy @{Add="All Staff"}
Set-DistributionGroup allstaff -ManagedBy $null
Set-DistributionGroup allstaff -ManagedBy @{Remove="karen","helpdeskagents"}
Set-DistributionGroup allstaff -ManagedBy nobody
Get-DistributionGroup allstaff | Format-List ManagedBy
