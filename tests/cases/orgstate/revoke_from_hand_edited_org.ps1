# org: orgs/hand-edited.json
# Starts from the hand-edited file and revokes Michelle's grant; the file is then rewritten in
# exsh's own layout (revoke_from_hand_edited_org.org.json): the grant is gone, the changed
# display name stays.
Remove-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess -Confirm:$false
Get-MailboxPermission karen | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' } | Format-Table User,AccessRights
