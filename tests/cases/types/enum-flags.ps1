# [Flags()] enums: combined values print as names, -band/-bor keep the enum type, HasFlag.
[Flags()] enum Rights {
    Read = 1
    Write = 2
    Delete = 4
}
$r = [Rights]::Read -bor [Rights]::Write
$r
[int]$r
[Rights]7
[Rights]'Read, Delete'
($r -band [Rights]::Write) -eq [Rights]::Write
$r.HasFlag([Rights]::Delete)
[Rights]8
