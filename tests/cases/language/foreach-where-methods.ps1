# The .ForEach() and .Where() operators (about_Arrays): every form, the selection modes of
# Where() with and without a count, scalars, and the errors of bad arguments.
(1, 2, 3).ForEach({ $_ * 2 })
(1, 2).ForEach({ "$_ with $($args -join '+')" }, 'x', 'y')
(1, 2).ForEach({ begin { 'begin' } process { "item $_" } end { "end $_" } })
('1', '2').ForEach([int]) | ForEach-Object { $_.GetType().Name }
('1', '2').ForEach([int]).GetType().Name
('a', 'b').ForEach('ToUpper')
('a,b', 'c').ForEach('Split', ',')
(Get-Mailbox -Identity karen).ForEach('Name')
@{ Name = 'hash' }.ForEach('Name')
('x', 'yy').ForEach('Length')
('x', 'yy').ForEach('NoSuchMember').Count
$objs = [pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 }
$objs.ForEach('N', 9) | Out-Null
"set: $($objs.N)"
"default: $((1..10).Where({ $_ -gt 5 }))"
"first: $((1..10).Where({ $_ -gt 5 }, 'First'))"
"first 2: $((1..10).Where({ $_ -gt 5 }, 'First', 2))"
"last: $((1..10).Where({ $_ -gt 5 }, 'Last'))"
"last 2: $((1..10).Where({ $_ -gt 5 }, 'Last', 2))"
"skipuntil: $((1..10).Where({ $_ -gt 7 }, 'SkipUntil'))"
"skipuntil 2: $((1..10).Where({ $_ -gt 5 }, 'SkipUntil', 2))"
"until: $((1..10).Where({ $_ -gt 3 }, 'Until'))"
"until 2: $((1..10).Where({ $_ -gt 3 }, 'Until', 2))"
$odd, $even = (1..6).Where({ $_ % 2 }, 'Split')
"split: $odd / $even"
$some, $rest = (1..6).Where({ $_ % 2 }, 'Split', 1)
"split 1: $some / $rest"
"mode as number: $((1..10).Where({ $_ -gt 5 }, 1))"
"slice first 2: $((1..5).Where($null, 'First', 2))"
"slice last 2: $((1..5).Where($null, 'Last', 2))"
"slice skip 2: $((1..5).Where($null, 'SkipUntil', 2))"
"padded: $((1..2).Where($null, 'First', 4).Count)"
"scalar: $((5).Where{ $_ -gt 1 })"
"scalar foreach: $('abc'.ForEach({ $_.Length }))"
"empty: $((1..3).Where({ $_ -gt 9 }).Count)"
(1..3).Where({ $_ }).GetType().FullName
(1..3).ForEach({ $_ }).GetType().Name
(1..3).Where({ $_ }, 'Bogus')
(1..3).Where({ $_ }, 'First', -1)
(1..3).Where()
(1..3).Where({ $_ }, 'First', 1, 2)
(1..3).ForEach()
(1..3).Where($null)
('a', 'b').ForEach('NoSuchMethod', 1)
(1..3).Where('text')
('a', 'b').ForEach([int])
'after the errors'
