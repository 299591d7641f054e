# Mailboxes piped to Test-MailboxAccess; the result's properties in expressions.
Add-MailboxPermission -Identity helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo kim
Add-MailboxFolderPermission -Identity karen:\Calendar -User kim -AccessRights Editor | Out-Null
Get-Mailbox | Test-MailboxAccess -User kim | Format-Table Identity,CanOpen,CanSendAs,CanSendOnBehalf,IsDelegate,From -AutoSize
$r = Test-MailboxAccess karen -User kim
"Folder rights: $($r.FolderRights -join '; ')"
($r.Explanation -split "`n")[2]
$r.PSObject.TypeNames[0]
Get-MailboxAccess -User kim | Sort-Object Mailbox | Select-Object Mailbox,Access,IsDelegate
Get-MailboxAccess -User "Domain Admins"
(Get-MailboxAccess -Identity * | Measure-Object).Count
