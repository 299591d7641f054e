# -ResultSize 0 fails the task's own check (a terminating TaskException); a negative number fails the conversion to Unlimited<uint> in binding.
Get-Mailbox -ResultSize 0
Get-Recipient -ResultSize -1
(Get-User -ResultSize 1 -WarningAction SilentlyContinue).Name
