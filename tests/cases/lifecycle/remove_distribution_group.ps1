# Removing a security group that holds a permission leaves its SID on the mailbox.
Add-MailboxPermission -Identity helpdesk -User "Help Desk Agents" -AccessRights FullAccess | Out-Null
Remove-DistributionGroup "Help Desk Agents" -WhatIf
Remove-DistributionGroup "Help Desk Agents" -Confirm:$false
Get-DistributionGroup | Format-Table Name -AutoSize
Get-MailboxPermission helpdesk | Where-Object { -not $_.IsInherited } | Format-Table User,AccessRights -AutoSize
