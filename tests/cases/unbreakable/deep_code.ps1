# Deep code: a 30,000-term expression runs; nesting past the parser's limit is
# ParserStrings.ScriptTooComplicated ("Processing was stopped because the script is too complex.");
# unbounded recursion is the catchable call-depth error (ScriptCallDepthException).
Invoke-Expression ('1+' * 30000 + '1')
Invoke-Expression ('1 -and ' * 30000 + '1')
(Invoke-Expression ('1' + ',1' * 30000)).Count
(Invoke-Expression ('1' + ' | ForEach-Object { $_ }' * 200))
function Show($text) {
    try { Invoke-Expression $text -ErrorAction Stop } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message.Length -gt 0)" }
}
Show ('(' * 30000 + '1' + ')' * 30000)
Show ('&{' * 30000 + '1' + '}' * 30000)
Show ('@{a=' * 30000 + '1' + '}' * 30000)
Show ('@(' * 30000 + '1' + ')' * 30000)
Show ('-' * 30000 + '1')
Show ('if (1) {' * 30000 + '1' + '}' * 30000)
function f { f }
try { f } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
$s = { & $s }
try { & $s } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
f
