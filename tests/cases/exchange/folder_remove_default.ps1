# Default and Anonymous entries cannot be removed.
Remove-MailboxFolderPermission -Identity karen:\Calendar -User Default -Confirm:$false
Remove-MailboxFolderPermission -Identity karen:\Calendar -User Anonymous -Confirm:$false
