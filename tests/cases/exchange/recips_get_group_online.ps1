# exchange: Online
# Exchange Online: the mail-enabled groups; Identity prints as the name.
Get-Group | Format-Table Name,Identity,RecipientTypeDetails -AutoSize
Get-Group "Domain Admins"
