# -User accepts the UPN, DOMAIN\sam, alias and display name; the entry always prints the display name.
Add-MailboxFolderPermission -Identity karen@contoso.com:\Calendar -User amy@contoso.com -AccessRights Reviewer
Add-MailboxFolderPermission -Identity 'Karen Berg:\Calendar' -User CONTOSO\john -AccessRights Reviewer
Add-MailboxFolderPermission -Identity karen:\Calendar -User 'Kim Akers' -AccessRights LimitedDetails
