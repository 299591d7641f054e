# New-DistributionGroup checks its owners the same way: a room can't own a group; a mail contact
# is among Exchange's owner types.
New-DistributionGroup -Name "Projects" -ManagedBy room1
New-DistributionGroup -Name "Partners" -ManagedBy partner | Format-List Name,ManagedBy
