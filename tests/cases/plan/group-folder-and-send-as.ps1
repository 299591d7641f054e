# exsh-args: --plan
# org: orgs/granted.json
# Grants to Help Desk Agents (Kim, David): Reviewer on Karen's Calendar and Send As on Help Desk.
# David's own Reviewer entry on the Calendar already decides for him (a user's own folder entry
# wins over its groups'), and an explicit Deny takes his Send As away: only Kim gains, and her own
# Editor entry wins over the group's Reviewer.
Add-MailboxFolderPermission -Identity 'karen:\Calendar' -User helpdeskagents -AccessRights Reviewer | Out-Null
Add-MailboxFolderPermission -Identity 'karen:\Calendar' -User kim -AccessRights Editor | Out-Null
Add-ADPermission -Identity 'Help Desk' -User helpdeskagents -ExtendedRights 'Send As' | Out-Null
Add-ADPermission -Identity 'Help Desk' -User david -ExtendedRights 'Send As' -Deny | Out-Null
