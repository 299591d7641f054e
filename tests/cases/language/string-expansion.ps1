# Double-quoted expansion: variables, $() subexpressions, ${braced}, expansion stopping at the dot,
# property access needing $(), backtick escapes, and single quotes that do not expand.
$name = 'karen'
$mbx = [PSCustomObject]@{ Alias = 'karen'; DisplayName = 'Karen Berg' }
"Hello $name"
"File: $name.csv"
"Prop: $mbx.Alias"
"Prop: $($mbx.Alias)"
"Folder: $($mbx.Alias):\Calendar"
"Braced: ${name}:\Calendar"
"Escaped: $name`:\Calendar"
"Sum: $(1 + 2)"
"Count: $(@(1, 2, 3).Count)"
'Literal $name'
"Quote: `"$name`""
"Dollar: `$name"
"Tab:`tend"
"Array: $(@('a', 'b'))"
$list = 'x', 'y'
"List: $list"
"Index: $($list[1])"
"Env-like: $name$name"
"Method: $($name.ToUpper())"
"Empty: [$nothing]"
