# stdin: y
# Remove-DistributionGroupMember asks by default; Y removes the member.
Remove-DistributionGroupMember -Identity "Help Desk Agents" -Member kim
Get-DistributionGroupMember "Help Desk Agents"
