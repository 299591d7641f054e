# exsh-args: --plan
# Outlook's delegate setup done by hand: Send on Behalf plus Editor on the Calendar makes Michelle
# Karen's delegate (seed 003); the plan says so besides each access.
Set-Mailbox -Identity karen -GrantSendOnBehalfTo michelle
Add-MailboxFolderPermission -Identity 'karen:\Calendar' -User michelle -AccessRights Editor | Out-Null
