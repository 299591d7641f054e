# Oversized ranges, repetitions and formats are PowerShell's errors, never an abort.
# Range bounds and repeat counts convert to Int32 (Compiler.cs; StringOps/ArrayOps.Multiply take an
# int): past Int32 it is LanguagePrimitives' cast error. A result too big to allocate is .NET's
# OutOfMemoryException (exsh allocates less than .NET would; docs/reference/unbreakable.md).
# .NET Framework reads at most two precision digits, so D65536 and N70000 are custom formats.
function Show($block) {
    try { & $block } catch { "$($_.Exception.GetType().FullName) | $($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
}
Show { 0..1e19 }
Show { (1..3e9).Count }
Show { (1..2e9).Count }
Show { ('x' * 1e12).Length }
Show { ('xy' * 2e9).Length }
Show { (@(1) * 2e9).Count }
Show { (@(1, 2) * 1e10).Count }
Show { (@() * 1e9).Count }
Show { 'x' * 'many' }
Show { ('ab' * 3) + ' ' + (@(1, 2) * 2).Count }
Show { 'x'.PadLeft(1e9) }
Show { [string]::new('x', 1e9) }
Show { ('x'.PadLeft(3) + '|') }
Show { "{0:D65536}" -f 1 }
Show { "{0:N70000}" -f 1 }
Show { "{0,1000000}" -f 1 }
'x' * 1e12
"after a non-terminating error"
# Names with non-ASCII characters are ordinary unknown names, never a panic (found by the fuzzer).
[stⳠⳠing]'x'
Get-Item .\Success-*ớcsv
