# org: orgs/hand-edited.json
# Starts from a hand-edited org file: Karen's display name is changed, and a Full Access grant
# names its trustee by account (CONTOSO\michelle) instead of SID. Nothing changes, so the file
# is not rewritten.
Get-Mailbox karen | Format-List Name,DisplayName
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' } | Format-Table User,AccessRights,IsInherited
