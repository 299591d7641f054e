# exchange: Exchange2010
# Exchange 2010: calendar processing of a room, and AutoAccept refused on a user mailbox.
Set-CalendarProcessing room1 -ResourceDelegates john -AllBookInPolicy $false -AllRequestInPolicy $true
Get-CalendarProcessing room1 | Format-List AutomateProcessing,ResourceDelegates,AllBookInPolicy,AllRequestInPolicy
Set-CalendarProcessing john -AutomateProcessing AutoAccept
