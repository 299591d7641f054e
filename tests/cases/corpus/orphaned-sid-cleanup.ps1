# Clean up permission entries left behind by deleted accounts (they show as S-1-5-21-... SIDs).
# Test setup: a temp account gets access, then is deleted without cleanup.
New-Mailbox -Name "Temp Contractor" -Alias tempc -UserPrincipalName tempc@contoso.com -Password (ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force) | Out-Null
Add-MailboxPermission -Identity helpdesk -User tempc -AccessRights FullAccess -InheritanceType All | Out-Null
Add-MailboxFolderPermission -Identity karen:\Calendar -User tempc -AccessRights Reviewer | Out-Null
Remove-Mailbox tempc -Confirm:$false

# --- the cleanup script proper ---
foreach ($mbx in Get-Mailbox -ResultSize Unlimited) {
    $orphans = Get-MailboxPermission $mbx.Identity | Where-Object { $_.User.ToString().StartsWith('S-1-5-21-') -and -not $_.IsInherited }
    foreach ($o in $orphans) {
        Write-Host "Removing orphaned $($o.User) from $($mbx.Name)"
        Remove-MailboxPermission -Identity $mbx.Identity -User $o.User.ToString() -AccessRights $o.AccessRights -InheritanceType All -Confirm:$false
    }
    Get-MailboxFolderPermission "$($mbx.Alias):\Calendar" | Where-Object { $_.User.DisplayName -like 'NT:S-1-5-21-*' } | ForEach-Object {
        Write-Host "Orphaned calendar entry on $($mbx.Alias): $($_.User.DisplayName)"
    }
}
