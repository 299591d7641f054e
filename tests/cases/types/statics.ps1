# Static members: [Math] with .NET Framework's Math.Round (banker's rounding, digits, modes),
# [string] helpers, integer limits, [char] and [enum] members.
[math]::Round(2.5)
[math]::Round(3.5)
[math]::Round(2.5, [MidpointRounding]::AwayFromZero)
[math]::Round(1.2345, 2)
[math]::Round(2.675, 2)
[math]::Floor(-1.5)
[math]::Ceiling(1.2)
[math]::Truncate(-2.7)
[math]::Max(3, 7)
[math]::Min(2.5, 1)
[math]::Abs(-4)
[math]::Pow(2, 10)
[math]::Sqrt(16)
[math]::PI
[math]::Round(1.5, 16)
[int]::MaxValue
[int32]::MinValue
[long]::MaxValue
[byte]::MaxValue
[int]::Parse("12")
[int]::Parse("x")
[string]::IsNullOrEmpty($null)
[string]::IsNullOrWhiteSpace(" `t")
[string]::Join(", ", @("a", "b"))
[string]::Format("{0}-{1}", "x", 2)
[string]::Empty.Length
[char]::IsDigit("7")
[enum]::GetNames([DayOfWeek]) -join ","
[enum]::GetValues([ConsoleColor]).Count
[System.Management.Automation.ActionPreference]::Stop
[StringSplitOptions]::RemoveEmptyEntries
[System.IO.FileAttributes]'ReadOnly, Hidden'
[datetime]::ParseExact("2024-03-15 14:05", "yyyy-MM-dd HH:mm", $null)
[datetime]::ParseExact("15/03/2024", "MM/dd/yyyy", $null)
