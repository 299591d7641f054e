# Shared, room and equipment mailboxes need no password; their accounts are disabled and the
# alias comes from the Name when -Alias is omitted.
New-Mailbox -Shared -Name "Sales Department" -DisplayName "Sales Department" -Alias Sales
New-Mailbox -Name "Conference Room 2" -Room
New-Mailbox -Name "Van 1" -Equipment
Get-Mailbox -RecipientTypeDetails SharedMailbox,RoomMailbox,EquipmentMailbox | Format-Table Name,Alias,RecipientTypeDetails,AccountDisabled,UserPrincipalName -AutoSize
