# AutoAccept on a user mailbox, unknown or unsuitable entries, MultiValuedProperty syntax, bad values, no change.
Set-CalendarProcessing karen -AutomateProcessing AutoAccept
Set-CalendarProcessing karen -AutomateProcessing None
(Get-CalendarProcessing karen).AutomateProcessing
Set-CalendarProcessing room1 -BookInPolicy ghost
Set-CalendarProcessing room1 -ResourceDelegates partner
Set-CalendarProcessing room1 -ResourceDelegates @{Add="john"}
Set-CalendarProcessing room1 -AutomateProcessing Always
Set-CalendarProcessing room1 -AllBookInPolicy $true
Set-CalendarProcessing ghost -AllBookInPolicy $false
Get-CalendarProcessing allstaff
