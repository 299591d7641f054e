# try/catch/finally: $_ and $_.Exception.Message, typed catch, -ErrorAction Stop on an Exchange
# cmdlet, rethrow, finally on return, nested try, and $Error.
try { throw 'boom' } catch { "caught: $_"; $_.Exception.Message } finally { 'finally runs' }
try {
    Get-Mailbox nosuch -ErrorAction Stop
    'not reached'
} catch {
    "stop: $($_.Exception.Message)"
    $_.CategoryInfo.Reason
}
try { 1 / 0 } catch { "math: $($_.Exception.Message)" }
try { $null.Trim() } catch { "null: $($_.Exception.Message)" }
try { [int]'abc' } catch [System.Management.Automation.RuntimeException] { 'typed catch' } catch { 'generic catch' }
try { Write-Error 'soft failure' -ErrorAction Stop } catch { "write-error: $_" }
try { try { throw 'inner' } catch { "inner caught: $_"; throw } } catch { "outer caught: $_" }
try { try { throw 'x' } finally { 'inner finally' } } catch { "after finally: $_" }
function Test-Finally { try { return 'returned' } finally { 'cleanup' } }
Test-Finally
$Error.Clear()
Get-Mailbox ghost -ErrorAction SilentlyContinue
"errors: $($Error.Count)"
"last error: $($Error[0].Exception.Message)"
Get-Mailbox ghost2 -ErrorAction Ignore
"after ignore: $($Error.Count)"
$r = Get-Mailbox ghost3 -ErrorAction SilentlyContinue
"status after a silenced error: $?"
if (-not $r) { 'not found' }
