# String methods admin scripts call, and [string] static helpers.
$s = '  Karen Berg  '
$s.Trim()
$s.TrimStart() + '|'
'|' + $s.TrimEnd()
'karen'.ToUpper()
'KAREN'.ToLower()
'karen@contoso.com'.Split('@')[0]
'a,b;c'.Split(',;'.ToCharArray()).Count
'Hello World'.Replace('World', 'There')
'Hello'.Substring(1)
'Hello'.Substring(1, 3)
'Hello'.IndexOf('l')
'Hello'.Contains('ell')
'Hello'.StartsWith('He')
'Hello'.EndsWith('lo')
'Hello'.Length
'S-1-5-21-99'.StartsWith('S-1-5-21-')
[string]::IsNullOrEmpty('')
[string]::IsNullOrEmpty($null)
[string]::IsNullOrEmpty('x')
[string]::IsNullOrWhiteSpace('   ')
[string]::Join(';', @('a', 'b', 'c'))
'x'.PadLeft(3, '0')
'42'.PadRight(4) + '|'
(12).ToString()
(3.5).ToString()
'{0} has {1} items' -f 'list', 3
'[{0,-8}][{1,6}]' -f 'left', 'right'
'{0:N2}' -f 1234.5
'{0:D4}' -f 42
'{0:P0}' -f 0.5
'{{literal}} {0}' -f 'x'
