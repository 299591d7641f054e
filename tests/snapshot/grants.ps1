# The grants scenario of the snapshot round trip (tests/snapshot.rs): Full Access (a user and a
# group), Send As, Send on Behalf, folder rights, a nested group, and a removed user whose
# entries stay behind as an orphaned SID.
$onPremises = [bool](Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)
$password = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force
if ($onPremises) {
    New-Mailbox -Name 'Temp User' -Alias tempuser -UserPrincipalName tempuser@contoso.com -Password $password | Out-Null
} else {
    New-Mailbox -Name 'Temp User' -Alias tempuser -MicrosoftOnlineServicesID tempuser@contoso.com -Password $password | Out-Null
}
Add-MailboxPermission karen -User michelle -AccessRights FullAccess -AutoMapping $false | Out-Null
Add-MailboxPermission helpdesk -User 'Help Desk Agents' -AccessRights FullAccess | Out-Null
Add-MailboxPermission karen -User tempuser -AccessRights FullAccess | Out-Null
Add-MailboxPermission amy -User john -AccessRights FullAccess -Deny | Out-Null
if ($onPremises) {
    Add-ADPermission 'Karen Berg' -User john -ExtendedRights Send-As | Out-Null
    Add-ADPermission 'Help Desk' -User 'Help Desk Agents' -ExtendedRights Send-As | Out-Null
} else {
    Add-RecipientPermission karen -Trustee john -AccessRights SendAs -Confirm:$false | Out-Null
    Add-RecipientPermission helpdesk -Trustee 'Help Desk Agents' -AccessRights SendAs -Confirm:$false | Out-Null
}
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox helpdesk -GrantSendOnBehalfTo @('kim', 'david')
Add-MailboxFolderPermission karen:\Calendar -User michelle -AccessRights Editor | Out-Null
Add-MailboxFolderPermission karen:\Inbox -User tempuser -AccessRights Reviewer | Out-Null
Set-MailboxFolderPermission karen:\Calendar -User Default -AccessRights Reviewer | Out-Null
New-MailboxFolder -Parent karen:\Inbox -Name 'Projects 2027' | Out-Null
Add-DistributionGroupMember 'All Staff' -Member 'Help Desk Agents'
Set-CalendarProcessing 'Conference Room 1' -AutomateProcessing AutoAccept -BookInPolicy karen -AllBookInPolicy $false
Remove-Mailbox tempuser -Confirm:$false
