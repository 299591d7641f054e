# exsh-args: --plan
# org: orgs/granted.json
# Help Desk Agents has Full Access to Help Desk. A new security group with Amy in it is nested in
# Help Desk Agents: Amy gains Full Access to Help Desk through both groups, outermost first.
New-DistributionGroup -Name 'Tier 2' -Type Security -Members amy | Out-Null
Add-DistributionGroupMember -Identity helpdeskagents -Member 'Tier 2' -BypassSecurityGroupManagerCheck
