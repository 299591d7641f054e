# [System.Diagnostics.Stopwatch], as scripts time their work (Get-ExoMailboxAccessList.ps1 and
# others). Time comes from the host's monotonic clock; the test host's clock is pinned, so every
# interval is zero here.
$sw = [System.Diagnostics.Stopwatch]::StartNew()
$sw.IsRunning
$sw.Stop()
$sw.IsRunning
$sw.Elapsed.GetType().FullName
$sw.ElapsedMilliseconds.GetType().FullName
"Total script time: {0:N2} seconds" -f $sw.Elapsed.TotalSeconds
$t = New-Object System.Diagnostics.Stopwatch
$t.IsRunning
$t.Start()
$t.IsRunning
$t.Restart()
$t.Reset()
$t.IsRunning
[System.Diagnostics.Stopwatch]::new().IsRunning
[Diagnostics.Stopwatch]::Frequency
[Diagnostics.Stopwatch]::IsHighResolution
([Diagnostics.Stopwatch]::GetTimestamp()).GetType().Name
$sw.GetType().FullName
$sw.Start(1)
[Diagnostics.Stopwatch]'x'
