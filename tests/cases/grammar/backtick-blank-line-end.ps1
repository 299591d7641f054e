# A blank after the last backtick of a line: "` " is whitespace, so the newline ends the
# statement and the next line starts one of its own (a parse error here, as in PowerShell).
function Get-X { "args: $args" }
Get-X `  
-b
