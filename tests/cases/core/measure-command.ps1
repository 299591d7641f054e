# Measure-Command runs the block in the caller's scope (TimeExpressionCommand.cs: useLocalScope
# false), discards its output (host lines still show), runs it once per piped object with $_, and
# writes one TimeSpan at the end. The test host's clock is pinned, so the time is zero.
$m = Measure-Command { $x = 5; 'discarded' }
$m.GetType().FullName
$x
$m.TotalMilliseconds
10, 20 | Measure-Command -Expression { Write-Host "item $_" } | ForEach-Object { $_.Ticks }
Measure-Command { 1 }
Measure-Command -Expression 'not a block'
