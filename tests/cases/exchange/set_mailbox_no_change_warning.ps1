# Setting a value the mailbox already has warns; $ExchangeDisableNotChangedWarning silences it.
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox karen -GrantSendOnBehalfTo amy
Set-Mailbox karen -DisplayName 'Karen Berg'
$ExchangeDisableNotChangedWarning = $true
Set-Mailbox karen -DisplayName 'Karen Berg'
'silent'
