# OPATH -Filter on a user attribute (Department, filterable on Get-Recipient, not Get-Mailbox) and -RecipientTypeDetails; Exchange enums align left.
Get-Recipient -Filter "Department -eq 'IT'" | Select-Object Name,Alias
Get-Mailbox -RecipientTypeDetails RoomMailbox,EquipmentMailbox | Format-Table Name,RecipientTypeDetails
