# [TimeSpan], [Version], [Guid] and [char] as values: casts, properties, comparison, ToString.
$t = [timespan]"1.02:03:04"
$t.TotalHours
"span: $t"
$v = [version]"5.1.14393.206"
$v.Major -lt 5
$v -gt "5.0"
"$v"
$g = [guid]"{0E8C7A51-4F0B-4A6F-9A0E-2D8B1C3F4A5B}"
"$g"
$g -eq "0e8c7a51-4f0b-4a6f-9a0e-2d8b1c3f4a5b"
[int][char]'A'
[char]'a' -eq 'A'
$t -is [timespan]
$v.GetType().FullName
[timespan]"x"
