# exchange: Online
# Format-Table -AutoSize on a table wider than the console (120 columns when not a terminal):
# ColumnWidthManager shrinks the last column that still fits and hides those that do not, and
# PowerShell 7, the shell of the Online profile, drops the columns without a warning.
$row = [pscustomobject]@{ First = 'a' * 40; Second = 'b' * 40; Third = 'c' * 40; Fourth = 'd' * 40; Fifth = 'e' * 40 }
$row | Format-Table -AutoSize
# A table that fits warns about nothing.
$row | Format-Table First, Second -AutoSize
