# One result is a single object, yet .Count is 1 (PowerShell 3+ intrinsic); no result counts 0.
(Get-Mailbox karen).Count
(Get-MailboxPermission karen -User michelle).Count
(Get-Mailbox -RecipientTypeDetails SharedMailbox).Count
@(Get-Mailbox).Count
