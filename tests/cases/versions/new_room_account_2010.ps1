# exchange: Exchange2010
# Exchange 2010's New-Mailbox has no -EnableRoomMailboxAccount (2013 and later, doc: New-Mailbox);
# nothing is created.
$pw = ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force
New-Mailbox -Name "Conference Room 1010" -Room -EnableRoomMailboxAccount $true -RoomMailboxPassword $pw
Get-Mailbox "Conference Room 1010" -ErrorAction SilentlyContinue
"none"
