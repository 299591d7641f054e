# Resource mailboxes book automatically; user mailboxes only have the Calendar Attendant.
Get-CalendarProcessing room1
Get-CalendarProcessing projector1 | Format-List AutomateProcessing,AllBookInPolicy,AllRequestInPolicy,BookInPolicy,ForwardRequestsToDelegates,BookingWindowInDays,MaximumDurationInMinutes
(Get-CalendarProcessing karen).AutomateProcessing
Get-Mailbox -RecipientTypeDetails RoomMailbox,EquipmentMailbox | Get-CalendarProcessing | Select-Object Identity,AutomateProcessing
