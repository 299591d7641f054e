# exchange: Online
# A caught error written to the output prints in ConciseView too; a throw's reason is Exception.
try {
    Get-Mailbox -Identity 'nobody-here' -ErrorAction Stop
} catch {
    "caught: $($_.Exception.Message)"
}
try { throw 'thrown in a try' } catch { $_ }
throw 'uncaught'
