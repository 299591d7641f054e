# Exchange writes the ResultSize warning after the objects it returned (issue 7: "the ResultSize
# warning after the objects"): the rows come first, then the warning, also through a pipeline.
Get-Mailbox -ResultSize 2
Get-Mailbox -ResultSize 1 | ForEach-Object { "name: $($_.Name)" }
Get-Mailbox -ResultSize 1 -WarningAction SilentlyContinue | ForEach-Object { $_.Alias }
