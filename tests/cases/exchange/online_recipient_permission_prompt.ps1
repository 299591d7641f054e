# exchange: Online
# stdin: n
# The default prompt of Add-RecipientPermission; N grants nothing.
Add-RecipientPermission karen -AccessRights SendAs -Trustee michelle
Get-RecipientPermission karen -Trustee michelle
'nothing granted'
