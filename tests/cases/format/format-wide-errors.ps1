# Format-Wide's parameter errors.
Get-Mailbox | Format-Wide -Column 0
Get-Mailbox | Format-Wide -AutoSize -Column 2
"done"
