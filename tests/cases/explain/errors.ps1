# Identity and User resolution errors are Exchange's not-found and ambiguous texts, in the
# local layout of a local cmdlet.
Test-MailboxAccess nobody -User michelle
Test-MailboxAccess karen -User nobody
Test-MailboxAccess k* -User michelle
# A distribution group is not a security principal (SecurityPrincipalIdParameter).
Test-MailboxAccess karen -User "All Staff"
Get-MailboxAccess nobody
Get-MailboxAccess -User nobody
# -Identity and -User are in different parameter sets of Get-MailboxAccess.
Get-MailboxAccess karen -User michelle
Get-MailboxAccess -Identity karen -User michelle
'after the errors'
