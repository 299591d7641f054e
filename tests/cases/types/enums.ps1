# Script enums: implicit and explicit values, casts from names (case-insensitive) and numbers,
# comparison, [enum]::GetNames, value__, and conversion errors.
enum Color {
    Red
    Green = 5
    Blue
}
[Color]::Green
[int][Color]::Blue
[Color]'red'
[Color]6
[Color]::Red -eq 'Red'
[Color]::Blue -gt [Color]::Green
[enum]::GetNames([Color]) -join ', '
[Color]::Blue.value__
[Color]::Green.GetType().Name
"The color is $([Color]::Green)"
$c = [Color]::Red
switch ($c) { 'Red' { 'matched Red' } default { 'no match' } }
[Color]'Purple'
[Color]3
