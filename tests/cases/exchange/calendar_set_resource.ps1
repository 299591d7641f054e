# Delegates approve the room's requests; only the listed users book without approval.
Set-CalendarProcessing -Identity "Conference Room 1" -AutomateProcessing AutoAccept -AllRequestInPolicy $true -AllBookInPolicy $false -ResourceDelegates karen,michelle
Set-CalendarProcessing room1 -BookInPolicy amy@contoso.com,allstaff -ForwardRequestsToDelegates $false
Get-CalendarProcessing room1 | Format-List AutomateProcessing,ResourceDelegates,BookInPolicy,AllBookInPolicy,AllRequestInPolicy,ForwardRequestsToDelegates
# ResourceDelegates is the mailbox's GrantSendOnBehalfTo.
(Get-Mailbox room1).GrantSendOnBehalfTo | ForEach-Object { "$_" }
# Adding one entry the documented way: read, append, write back.
$bip = (Get-CalendarProcessing room1).BookInPolicy
$bip += "john"
Set-CalendarProcessing room1 -BookInPolicy $bip
(Get-CalendarProcessing room1).BookInPolicy | ForEach-Object { "$_" }
Set-CalendarProcessing projector1 -AutomateProcessing None -WhatIf
(Get-CalendarProcessing projector1).AutomateProcessing
