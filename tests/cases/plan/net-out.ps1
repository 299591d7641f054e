# exsh-args: --plan
# Changes that the same script undoes net out: a grant removed again, a title set and set back.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess -AutoMapping:$false | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo @{Add = 'amy'}
$title = (Get-User karen).Title
Set-User -Identity karen -Title 'Interim CEO'
Remove-MailboxPermission -Identity karen -User amy -AccessRights FullAccess -Confirm:$false
Set-Mailbox -Identity karen -GrantSendOnBehalfTo @{Remove = 'amy'}
Set-User -Identity karen -Title $title
Get-User karen | Select-Object Name, Title
