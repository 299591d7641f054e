# exsh-args: --plan
# A script that stops with a terminating error: what it changed before is still planned (a
# normal run saves that much), and the exit code is 1.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess -AutoMapping:$false | Out-Null
Set-Mailbox -Identity nobody -HiddenFromAddressListsEnabled $true -ErrorAction Stop
Write-Host 'not reached'
