# exchange: Exchange2016
# New-Mailbox -Room -EnableRoomMailboxAccount $true -RoomMailboxPassword (Exchange 2013 and
# later, doc: New-Mailbox example) creates a room mailbox whose account is enabled; without it
# the room's account is disabled.
$pw = ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force
New-Mailbox -UserPrincipalName confroom1010@contoso.com -Alias confroom1010 -Name "Conference Room 1010" -Room -EnableRoomMailboxAccount $true -RoomMailboxPassword $pw | Format-List Name, RecipientTypeDetails
(Get-Mailbox confroom1010).AccountDisabled
New-Mailbox -Name "Conference Room 1011" -Room | Out-Null
(Get-Mailbox "Conference Room 1011").AccountDisabled
New-Mailbox -Name "Conference Room 1012" -Room -EnableRoomMailboxAccount $true -RoomMailboxPassword 'plain text'
