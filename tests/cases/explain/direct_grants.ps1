# Direct grants of each kind, and what From shows: Send As wins over Send on Behalf.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess | Out-Null
Add-ADPermission -Identity "Karen Berg" -User john -ExtendedRights "Send As" | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle,john
Get-MailboxAccess karen
Test-MailboxAccess karen -User john
Test-MailboxAccess karen -User michelle | Format-List CanOpen,CanSendAs,CanSendOnBehalf,From
Test-MailboxAccess karen -User david | Format-List CanOpen,CanSendAs,CanSendOnBehalf,From,Explanation
