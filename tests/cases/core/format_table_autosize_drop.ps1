# Format-Table -AutoSize on a table wider than the console (120 columns when not a terminal):
# ColumnWidthManager shrinks the last column that still fits and hides those that do not, and
# Windows PowerShell 5.1 warns before the table (docs/reference/help-and-format.md).
$row = [pscustomobject]@{ First = 'a' * 40; Second = 'b' * 40; Third = 'c' * 40; Fourth = 'd' * 40; Fifth = 'e' * 40 }
$row | Format-Table -AutoSize
# A table that fits warns about nothing.
$row | Format-Table First, Second -AutoSize
