# exchange: Exchange2019
# Set-Mailbox -EnableRoomMailboxAccount $true -RoomMailboxPassword (Exchange 2013 and later, doc:
# Set-Mailbox) enables a room mailbox's account; $false disables it again.
$pw = ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force
(Get-Mailbox room1).AccountDisabled
Set-Mailbox room1 -EnableRoomMailboxAccount $true -RoomMailboxPassword $pw
(Get-Mailbox room1).AccountDisabled
Set-Mailbox room1 -EnableRoomMailboxAccount $false
(Get-Mailbox room1).AccountDisabled
Set-Mailbox room1 -EnableRoomMailboxAccount $true -RoomMailboxPassword 'plain text'
