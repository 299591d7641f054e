# OPATH -Filter errors: a property the cmdlet's filter doesn't recognize, an operator OPATH doesn't have, and a value of the wrong type; a good filter still works.
Get-Mailbox -Filter "Department -eq 'IT'"
Get-Recipient -Filter "Alias -contains 'kim'"
Get-Mailbox -Filter "HiddenFromAddressListsEnabled -eq 'maybe'"
Get-Recipient -Filter "RecipientTypeDetails -eq 'Mailbox'"
Get-Mailbox -Filter "HiddenFromAddressListsEnabled -eq 'false' -and RecipientTypeDetails -eq 'RoomMailbox'" | Select-Object Name
