# Full Access to a security group reaches the users of a group nested in it; the path names the
# chain, outermost first (Help Desk Agents > Tier 1: Tier 1 is a member of Help Desk Agents).
New-DistributionGroup -Name "Tier 1" -Type Security | Out-Null
Add-DistributionGroupMember -Identity "Tier 1" -Member amy
Add-DistributionGroupMember -Identity helpdeskagents -Member "Tier 1"
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Add-ADPermission -Identity "Help Desk" -User helpdeskagents -ExtendedRights "Send As" | Out-Null
Get-MailboxAccess helpdesk
Test-MailboxAccess helpdesk -User amy
Get-MailboxAccess -User amy | Format-List Mailbox,Access,Path,From
