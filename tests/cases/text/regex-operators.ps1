# -match, -replace, -split and switch -regex on .NET regular expressions (fancy-regex).
'Mailbox: karen@contoso.com' -match '(?<user>\w+)@(?<domain>[\w.]+)'
$Matches.user
$Matches['domain']
$Matches[0]
'abc' -match '(a)(?<n>b)(c)'
$Matches
'ABC' -match 'abc'
'ABC' -cmatch 'abc'
'hello' -match '(\w)\1'
$Matches[1]
'price: 42' -match '(?<=price: )\d+'
$Matches[0]
'one','two','three' -match 't'
'zzz' -match 'q'
$Matches[0]
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
'John Smith' -replace '(?<f>\w+) (?<l>\w+)', '${l} ${f} $0 $$ $&'
'aaa' -creplace 'A', 'b'
'AAA' -replace 'a', 'b'
'a1b2c3' -split '\d'
'a,b;c' -split '([,;])'
'a,b,c,d' -split ',', 2
'a.b.c' -split '.', 0, 'SimpleMatch'
'aXbxc' -csplit 'x'
'aXbxc' -split 'x'
switch -regex ('user42') { '^user(\d+)$' { "number $($Matches[1])" } }
'a' -match '(' 
'a' -replace '[', 'x'
