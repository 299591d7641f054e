# Measure-Object -Line -Word -Character -IgnoreWhiteSpace: a TextMeasureInfo.
$m = 'one two three', 'four five' | Measure-Object -Line -Word -Character
"$($m.Lines) $($m.Words) $($m.Characters)"
('a b c' | Measure-Object -Character -IgnoreWhiteSpace).Characters
$null -eq ('x' | Measure-Object -Line).Words
"line1`nline2`n" | Measure-Object -Line -Word -Character
