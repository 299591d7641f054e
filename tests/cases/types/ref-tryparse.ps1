# [ref] arguments to .NET out parameters: TryParse writes the parsed value, or the type's default
# when the text does not parse, into the variable.
$i = 0
"$([int]::TryParse('42', [ref]$i)) $i $($i.GetType().Name)"
"$([int]::TryParse('4x', [ref]$i)) $i"
"$([int]::TryParse(' -7 ', [ref]$i)) $i"
"$([int]::TryParse('99999999999', [ref]$i)) $i"
"$([int]::TryParse('0x10', [ref]$i)) $i"
$l = 0
"$([long]::TryParse('99999999999', [ref]$l)) $l"
$dbl = 0
"$([double]::TryParse('1,234.5', [ref]$dbl)) $dbl"
$b = $null
"$([bool]::TryParse(' true ', [ref]$b)) $b"
$d = $null
"$([datetime]::TryParse('2020-01-02', [ref]$d)) $($d.ToString('yyyy-MM-dd'))"
"$([datetime]::TryParse('garbage', [ref]$d)) $($d -eq [datetime]::MinValue)"
$g = $null
"$([guid]::TryParse('0f8fad5b-d9cb-469f-a165-70867728950e', [ref]$g)) $g"
"$([guid]::TryParse('not a guid', [ref]$g)) $g"
$v = $null
"$([version]::TryParse('1.2.3', [ref]$v)) $v"
"$([version]::TryParse('x', [ref]$v)) $($null -eq $v)"
if ([int]::TryParse('12', [ref]$fresh)) { "a new variable: $fresh" }
$r = [ref]5
"$($r.Value) $($r.GetType().FullName)"
$r.Value = 6
$r.Value
