# exchange: Exchange2013
# Get-Contact shows the contact's person data; mailboxes are not contacts.
Get-Contact
Get-Contact partner | Format-List Name,DisplayName,RecipientType,WindowsEmailAddress
Get-Contact amy
