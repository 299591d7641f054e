# $null clears a list (the usual "remove all delegates" line); a Boolean setting needs $true or $false.
Set-CalendarProcessing room1 -ResourceDelegates karen,john -BookInPolicy amy
Get-Mailbox -Identity room1 | Set-CalendarProcessing -ResourceDelegates $null -BookInPolicy $null
Get-CalendarProcessing room1 | Format-List ResourceDelegates,BookInPolicy
Set-CalendarProcessing room1 -AllBookInPolicy maybe
