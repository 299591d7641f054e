# Get-Group lists the mail-enabled groups; a mailbox is not a group.
Get-Group
Get-Group "Help Desk Agents" | Format-List Name,GroupType,RecipientTypeDetails,ManagedBy,Members
Get-Group karen
