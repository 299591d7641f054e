# The org file after the run must equal grant_changes_the_org.org.json: one Full Access grant
# for Amy on Karen's mailbox, and Kim as John's Send on Behalf delegate.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess -AutoMapping $false | Out-Null
Set-Mailbox john -GrantSendOnBehalfTo kim
Get-Mailbox john | Format-List Name,GrantSendOnBehalfTo
