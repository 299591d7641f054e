# Comparison operators on scalars and collections, case sensitivity, $null on the left.
$a = 'Karen'
$a -eq 'karen'
$a -ceq 'karen'
$a -ne 'bob'
$a -like 'k*'
$a -notlike '*z*'
$a -clike 'k*'
5 -gt 3
5 -ge 5
4 -le 3
2 -lt 3
'a', 'b', 'c' -eq 'b'
'a', 'b', 'c' -ne 'b'
1, 2, 3 -gt 1
'FullAccess', 'ReadPermission' -like '*Access'
$null -eq $undefined
'b' -in @('a', 'b')
'z' -notin @('a', 'b')
@('a', 'b') -contains 'A'
@('a', 'b') -notcontains 'z'
'10' -eq 10
10 -eq '10'
'abc' -gt 'abd'
