# exchange: Online
# Sort-Object -Top/-Bottom exist in PowerShell 7 (Online).
(1, 2, 3 | Sort-Object -Top 2) -join ','
(5, 3, 9, 1 | Sort-Object -Bottom 2) -join ','
(5, 3, 9, 1 | Sort-Object -Top 3 -Descending) -join ','
