# trap (about_Trap; ExceptionHandlingOps.ProcessTraps): a trap covers its whole statement list,
# also the statements before it. continue: the error is not written, the next statement runs;
# no continue/break: the error is written, then the next statement runs; break: rethrown to the
# caller. An error in a nested if-block resumes after the if. A typed trap takes the inner
# DivideByZeroException of 1/0 ($_.Exception is then that exception). Output written before an
# error is kept.
"start"
trap { "trapped: $_"; continue }
throw "first"
"after first"
if ($true) { throw "in if"; "not here" }
"after if"
function f {
    trap [System.DivideByZeroException] { "div trap: $($_.Exception.GetType().FullName)"; continue }
    $z = 0
    1 / $z
    "f goes on"
    throw "from f"
    "not in f"
}
f
"after f"
function g {
    trap { "g trap: $_" }
    throw "fall through"
    "g goes on"
}
g
function h {
    trap { "h trap"; break }
    throw "broken"
    "not in h"
}
h
"after h"
$Error.Count
