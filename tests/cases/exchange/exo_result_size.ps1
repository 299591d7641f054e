# exchange: Online
# -ResultSize cuts the results and warns that more exist; Unlimited returns them all.
Get-EXOMailbox -ResultSize 3 | Format-Table Name,Alias
(Get-EXOMailbox -ResultSize Unlimited).Count
(Get-EXORecipient -ResultSize 2 -WarningAction SilentlyContinue).Count
