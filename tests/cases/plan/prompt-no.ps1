# exsh-args: --plan
# org: orgs/granted.json
# stdin: N
# A confirmation answered "no" is not a change: no changes, exit 0.
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess
