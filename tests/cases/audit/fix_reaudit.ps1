# Running every finding's Fix makes the audit come back empty (Exchange 2019).
. .\lib\findings.ps1
# Orphaned Deny entries and entries with other inheritance: the Fix passes -Deny and -InheritanceType.
New-Mailbox -Name 'Cara Lee' -Alias cara -UserPrincipalName cara@contoso.com -Password $pw | Out-Null
Add-MailboxPermission kim -User cara -AccessRights FullAccess, ReadPermission -InheritanceType SelfAndChildren | Out-Null
Add-MailboxPermission kim -User cara -AccessRights DeleteItem -Deny | Out-Null
Add-ADPermission 'Kim Akers' -User cara -ExtendedRights 'Send As' -Deny -InheritanceType None | Out-Null
Add-ADPermission DB01 -User cara -AccessRights GenericAll | Out-Null
Remove-Mailbox cara -Confirm:$false
Set-Mailbox kim -GrantSendOnBehalfTo amy
Add-MailboxFolderPermission 'karen:\Calendar' -User amy -AccessRights Editor | Out-Null
Add-MailboxFolderPermission 'karen:\Tasks' -User amy -AccessRights Editor | Out-Null
Add-ADPermission DB02 -User david -ExtendedRights Receive-As | Out-Null
Set-Mailbox david -Type Shared
Set-Mailbox david -Type Regular
Set-DistributionGroup allstaff -GrantSendOnBehalfTo @{add='david'}
$before = Get-PermissionAudit
$before | Format-Table Kind, Object, Trustee -AutoSize
. .\lib\fix_all.ps1
