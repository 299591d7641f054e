# A backtick before a blank is whitespace (PowerShell's tokenizer.cs), so it may sit before an
# argument on the same line (`$Prompt.popup("…",`  0, …)` in the admindroid report scripts).
# grammar/backtick-blank-line-end: a blank after a line's final backtick ends the continuation.
function Get-X { "args: $args" }
Get-X -a `  1
$x = @("a",`  "b"); $x.Count
Get-X `
  -c 3
