# exchange: Exchange2010
# Exchange 2010's Set-Mailbox has neither -EnableRoomMailboxAccount nor -RoomMailboxPassword
# (2013 and later, doc: Set-Mailbox).
Set-Mailbox room1 -EnableRoomMailboxAccount $true
(Get-Mailbox room1).AccountDisabled
