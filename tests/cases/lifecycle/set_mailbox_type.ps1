# Set-Mailbox -Type converts a user mailbox to a shared one and back; an unknown type fails binding.
Set-Mailbox amy -Type Shared
Get-Mailbox amy | Format-List Name,RecipientTypeDetails,IsShared,AccountDisabled
Set-Mailbox amy -Type Shared
Set-Mailbox "Conference Room 1" -Type Equipment -WhatIf
Set-Mailbox amy -Type Regular
Get-Mailbox -RecipientTypeDetails SharedMailbox | Format-Table Name,Alias -AutoSize
Set-Mailbox amy -Type Workspace
