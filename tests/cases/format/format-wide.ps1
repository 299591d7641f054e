# Format-Wide (fw): Name by default, two columns across the width.
Get-Mailbox | Format-Wide
Get-Mailbox | fw -Column 3
Get-Mailbox | Format-Wide Alias -AutoSize
Get-Mailbox | Select-Object -First 5 | Format-Wide -Property @{ Expression = { $_.Alias.ToUpper() } } -Column 4
# Values wider than their column end in "...".
Get-Mailbox | Format-Wide PrimarySmtpAddress -Column 6
# Without Name, Id or Key the first property is shown; scalars print as their own lines.
[pscustomobject]@{ Size = 1; Color = 'red' }, [pscustomobject]@{ Size = 2; Color = 'blue' } | Format-Wide
"one", "two" | Format-Wide
(Get-Mailbox | Format-Wide -Column 4 | Measure-Object).Count
Format-Wide -InputObject (Get-Mailbox karen)
