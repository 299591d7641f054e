# exchange: Online
# Exchange Online: identities are names, the EXO-only settings appear, errors use the V3 layout.
Get-CalendarProcessing room1 | Format-List Identity,AutomateProcessing,BookingType,EnforceCapacity,ResourceDelegates
Set-CalendarProcessing room1 -ResourceDelegates karen -EnforceCapacity $true
(Get-CalendarProcessing room1).ResourceDelegates | ForEach-Object { "$_" }
Set-CalendarProcessing michelle -AutomateProcessing AutoAccept
