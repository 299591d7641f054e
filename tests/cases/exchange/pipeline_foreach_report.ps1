# A per-mailbox Full Access report built with foreach and -f, the way admin scripts do it.
Add-MailboxPermission helpdesk -User kim -AccessRights FullAccess | Out-Null
Add-MailboxPermission helpdesk -User david -AccessRights FullAccess | Out-Null
foreach ($m in Get-Mailbox -RecipientTypeDetails SharedMailbox) {
    $users = Get-MailboxPermission $m.Identity | Where-Object { $_.AccessRights -like '*FullAccess*' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' }
    '{0}: {1}' -f $m.Name, (($users | ForEach-Object { $_.User.ToString() }) -join '; ')
}
