# org: orgs/delegations.json
# "What can john open?"  (quick check before a role change)
Get-Mailbox -ResultSize Unlimited | Get-MailboxPermission -User john | ft Identity,User,AccessRights,IsInherited -AutoSize
