# exsh-args: --plan
# A script that does not parse runs nothing: no changes, exit 1.
Add-MailboxPermission -Identity karen -User amy -AccessRights FullAccess -AutoMapping:$false | Out-Null
if ($true {
