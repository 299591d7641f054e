# A security group's owners change only through an owner (the administrator here) unless
# -BypassSecurityGroupManagerCheck; once Karen is the only owner, the administrator is refused.
Set-DistributionGroup helpdeskagents -ManagedBy karen
Set-DistributionGroup helpdeskagents -ManagedBy @{Add="david"}
Set-DistributionGroup helpdeskagents -ManagedBy @{Add="david"} -BypassSecurityGroupManagerCheck
Get-DistributionGroup helpdeskagents | Format-List ManagedBy
