# OPATH -Filter on a user attribute (Department) and -RecipientTypeDetails; Exchange enums align left.
Get-Mailbox -Filter "Department -eq 'IT'" | Select-Object Name,Alias
Get-Mailbox -RecipientTypeDetails RoomMailbox,EquipmentMailbox | Format-Table Name,RecipientTypeDetails
