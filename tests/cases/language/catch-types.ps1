# catch [T] (ExceptionHandlingOps.FindMatchingHandler): an exact type anywhere in the list wins,
# then a base class, then the untyped catch. 1/0 is a RuntimeException whose InnerException is a
# DivideByZeroException: [DivideByZeroException] and [ArithmeticException] catch it, and $_.Exception
# is then the inner exception; an untyped catch sees the RuntimeException. Several types per catch.
try { nosuchcommand-xyz } catch [System.Management.Automation.RuntimeException] { "base: $($_.Exception.GetType().FullName)" } catch [System.Management.Automation.CommandNotFoundException] { "exact wins" }
try { nosuchcommand-xyz } catch [System.ArgumentException] { "wrong" } catch [System.Management.Automation.RuntimeException] { "RuntimeException catches CommandNotFoundException" }
try { $z = 0; 1 / $z } catch [System.DivideByZeroException] { "div: $($_.Exception.GetType().FullName): $($_.Exception.Message)" }
try { $z = 0; 1 / $z } catch [System.ArithmeticException] { "arith: $($_.Exception.GetType().FullName)" }
try { $z = 0; 1 / $z } catch { "untyped: $($_.Exception.GetType().FullName)" }
try { throw "text" } catch [System.IO.IOException], [System.Management.Automation.RuntimeException] { "two types: $_" }
try { throw "text" } catch [System.Exception] { "System.Exception catches everything: $($_.FullyQualifiedErrorId)" }
try {
    try { throw "inner" } catch [System.IO.IOException] { "not this" }
} catch { "outer catch: $_" }
