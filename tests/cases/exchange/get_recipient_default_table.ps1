# Get-Recipient's default table covers mailboxes, groups and the contact.
Get-Recipient
