# Full Access through a mail-enabled security group: grant the group, then add members.
New-DistributionGroup -Name "Sales Assistants" -Type Security
Add-MailboxPermission -Identity karen -User "Sales Assistants" -AccessRights FullAccess -InheritanceType All | Out-Null
Add-DistributionGroupMember -Identity "Sales Assistants" -Member michelle
Add-DistributionGroupMember -Identity "Sales Assistants" -Member amy@contoso.com
Get-DistributionGroupMember "Sales Assistants" | Format-Table
Get-MailboxPermission karen -User "Sales Assistants" | Format-List User,AccessRights,IsInherited,Deny
Get-MailboxPermission karen -User michelle
