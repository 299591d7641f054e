# The new-user check of issue 9: after seed 000's grants (Full Access, Send on Behalf, an
# explicit Send As Deny), Test-MailboxAccess explains what Michelle can do with Karen's mailbox.
# On Exchange 2019 the Deny holds: From shows "on behalf of".
Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Out-Null
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Add-ADPermission -Identity "Karen Berg" -User michelle -ExtendedRights "Send As" -Deny | Out-Null
Test-MailboxAccess karen -User michelle
