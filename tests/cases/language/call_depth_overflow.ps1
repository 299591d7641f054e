# Unbounded recursion ends in PowerShell's catchable call-depth error instead of exhausting the stack
# (GetErrorText.resx ScriptCallDepthException; error id CallDepthOverflow). Recursion well inside the
# limit still works.
function Step($n) { Step ($n + 1) }
try { Step 0 } catch { "caught: $($_.Exception.Message) ($($_.FullyQualifiedErrorId))" }
function Count-Down($n) { if ($n -gt 0) { Count-Down ($n - 1) } else { "reached the bottom" } }
Count-Down 500
Step 0
"not reached: the error is terminating"
