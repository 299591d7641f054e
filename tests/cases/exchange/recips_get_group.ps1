# Get-Group lists the mail-enabled groups and, on-premises, the domain's and Exchange's security
# groups; a mailbox is not a group.
Get-Group
Get-Group "Help Desk Agents" | Format-List Name,GroupType,RecipientTypeDetails,ManagedBy,Members
Get-Group "CONTOSO\Domain Admins" | Format-List Name,GroupType,RecipientType,RecipientTypeDetails,Identity,Members
Get-Group -RecipientTypeDetails RoleGroup | Format-Table Name,Identity -AutoSize
Get-Group -Filter "GroupType -like 'Universal*'" -SortBy Name | Format-Table Name,GroupType -AutoSize
Get-Group karen
