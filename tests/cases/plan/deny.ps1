# exsh-args: --plan
# org: orgs/granted.json
# An explicit Deny for Kim beats the Full Access her group Help Desk Agents gives her.
Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess -Deny | Out-Null
