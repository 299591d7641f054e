# exsh-args: --plan
# org: orgs/granted.json
# Removing Michelle: her mailbox goes, GrantSendOnBehalfTo on Karen loses her, her Full Access
# entry on Karen stays as an orphaned SID (not a change), and she loses everything she could reach.
Remove-Mailbox -Identity michelle -Confirm:$false
