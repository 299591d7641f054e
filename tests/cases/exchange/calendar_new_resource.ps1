# A room mailbox made in PowerShell on-premises starts with AutoUpdate (the sample's rooms have AutoAccept).
New-Mailbox -Name "Conference Room 2" -Room | Out-Null
(Get-CalendarProcessing "Conference Room 2").AutomateProcessing
Set-CalendarProcessing "Conference Room 2" -AutomateProcessing AutoAccept
(Get-CalendarProcessing "Conference Room 2").AutomateProcessing
