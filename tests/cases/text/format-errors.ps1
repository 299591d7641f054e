# -f and [string]::Format errors carry .NET's FormatException message; sizes are bounded.
'{1}' -f 1
'{0' -f 1
'}' -f 1
'{0,100000000}' -f 1
'{0:D65536}' -f 5
[string]::Format('{2}', 'a')
(1.5).ToString('D')
(5).ToString('R')
