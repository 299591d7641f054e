# stdin: ?|y
# ? prints the help for each choice and asks again.
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -Confirm
