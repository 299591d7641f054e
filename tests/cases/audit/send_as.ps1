# The Send As inventory: who can send as whom, groups expanded (nested too), and through which
# grant. An explicit Deny removes Kim; the owners' SELF entries are not listed.
New-DistributionGroup -Name 'Tier 1' -Alias tier1 -Type Security | Out-Null
Add-DistributionGroupMember tier1 -Member amy
Add-DistributionGroupMember helpdeskagents -Member tier1
Add-ADPermission 'Help Desk' -User helpdeskagents -ExtendedRights 'Send As' | Out-Null
Add-ADPermission 'Help Desk' -User kim -ExtendedRights 'Send As' -Deny | Out-Null
Add-ADPermission 'Karen Berg' -User michelle -ExtendedRights 'Send As' | Out-Null
Add-ADPermission 'All Staff' -User john -ExtendedRights 'Send As' | Out-Null
Get-PermissionAudit -Kind SendAs
Get-PermissionAudit -Kind SendAs | Format-List Object, Trustee, Via, Fix
